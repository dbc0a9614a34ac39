package org.heteronym.escrow;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** Participant {@code index} (1..n) of a ceremony: a registered trustee and its static key (base64, 33 bytes). */
public record CeremonyParticipant(int index, UUID trustee, String name, @JsonProperty("public_key") String publicKey) {
}
