package org.heteronym.disclosure;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a member is told about a request naming one of their pseudonyms (docs/disclosure.md §3). */
public record DisclosureNotice(UUID request, String forum, String court, String caseReference, LocalDate orderDate,
                               List<String> posts, String state, LocalDate filedOn, boolean open) {
}
