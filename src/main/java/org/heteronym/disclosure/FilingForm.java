package org.heteronym.disclosure;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of a filing, as the officer sends it (docs/disclosure.md §6). */
public record FilingForm(
        String order,
        @JsonProperty("order_signature") String orderSignature,
        String court,
        @JsonProperty("case_reference") String caseReference,
        @JsonProperty("order_date") String orderDate,
        @JsonProperty("order_expires") String orderExpires,
        String forum,
        String pseudonym,
        List<Post> posts,
        String reasons,
        String notice,
        @JsonProperty("gag_until") String gagUntil) {

    /** One statement the order is about: where it is and when it was posted. */
    public record Post(String url, @JsonProperty("posted_at") String postedAt) {
    }
}
