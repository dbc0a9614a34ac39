package org.heteronym.cli.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.erdtman.jcs.JsonCanonicalizer;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.Point;

/**
 * One request as the service shows it to its officer ({@code GET /disclosure/v1/requests/{id}}) or to a trustee
 * ({@code GET /disclosure/v1/review/requests/{id}}, which adds {@code binding_nonce}). Nothing here is trusted:
 * {@link TrusteeChecks} ties it to the log before anyone acts on it. {@code posts} is the canonical JSON of the posts
 * array (the API sends it as that text; an array is canonicalised here).
 */
public record RequestView(String id, String state, String court, String caseReference, String orderDate,
        String orderExpires, String forum, String pseudonym, String posts, String reasons, String notice,
        Hash32 orderSha256, long envelopeIndex, Hash32 epoch, Point officerKey, OptionalLong requestIndex,
        OptionalLong checkpointSize, Optional<byte[]> bindingNonce, List<String> objections,
        List<String> refusals, List<ShareView> shares) {

    /** A share as listed by the service; {@code logIndex} is absent until its entry is integrated. */
    public record ShareView(int trustee, long checkpointSize, OptionalLong logIndex) {
    }

    public static RequestView parse(byte[] body, String where) throws DisclosureCheckException {
        Fields f = Fields.parse(body, where);
        List<String> objections = new ArrayList<>();
        for (JsonNode o : f.node().path("objections")) {
            objections.add(o.path("received_on").asText() + " (" + o.path("source").asText() + "): "
                    + o.path("text").asText());
        }
        List<String> refusals = new ArrayList<>();
        for (JsonNode r : f.node().path("refusals")) {
            refusals.add("trustee " + r.path("trustee").asInt() + ": " + r.path("reason").asText());
        }
        List<ShareView> shares = new ArrayList<>();
        for (JsonNode s : f.node().path("shares")) {
            Fields share = new Fields(s, where + ".shares");
            shares.add(new ShareView((int) share.integer("trustee"), share.integer("checkpoint_size"),
                    s.hasNonNull("log_index") ? OptionalLong.of(share.integer("log_index")) : OptionalLong.empty()));
        }
        return new RequestView(f.text("id"), f.text("state"), f.text("court"), f.text("case_reference"),
                f.text("order_date"), f.text("order_expires"), f.text("forum"), f.text("pseudonym"),
                posts(f, where), f.text("reasons"), f.text("notice"), f.hex("order_sha256"),
                f.integer("envelope_index"), f.hex("epoch"), f.object("officer").point("public_key"),
                optionalLong(f, "request_index"), optionalLong(f, "checkpoint_size"),
                f.has("binding_nonce") ? Optional.of(f.base64("binding_nonce")) : Optional.empty(),
                List.copyOf(objections), List.copyOf(refusals), List.copyOf(shares));
    }

    private static OptionalLong optionalLong(Fields f, String field) throws DisclosureCheckException {
        return f.has(field) ? OptionalLong.of(f.integer(field)) : OptionalLong.empty();
    }

    private static String posts(Fields f, String where) throws DisclosureCheckException {
        JsonNode posts = f.node().get("posts");
        if (posts != null && posts.isTextual()) {
            return posts.textValue();
        }
        if (posts == null || !posts.isArray()) {
            throw new DisclosureCheckException(where + ": \"posts\" is neither canonical JSON text nor an array");
        }
        try {
            return new JsonCanonicalizer(posts.toString()).getEncodedString();
        } catch (IOException e) {
            throw new DisclosureCheckException(where + ": \"posts\" cannot be canonicalised");
        }
    }
}
