package org.heteronym.credential.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heteronym.credential.CredentialRefusal;
import org.heteronym.credential.RefusalReason;

/**
 * Rebuilds the claims of an SD-JWT from its issuer-signed payload and the presented disclosures (RFC 9901 §7.1):
 * each disclosure must be referenced exactly once by an {@code _sd} digest or an array {@code "..."} element.
 */
public final class AttestationDisclosures {

    private final Map<String, ArrayNode> byDigest = new LinkedHashMap<>();
    private final Set<String> seenDigests = new HashSet<>();
    private final Set<String> used = new HashSet<>();

    private AttestationDisclosures() {
    }

    /**
     * The processed claims, without {@code _sd} and {@code _sd_alg}. Duplicate or ill-formed disclosures are
     * MALFORMED; a disclosure whose digest the issuer did not sign is BAD_SIGNATURE.
     */
    public static ObjectNode resolve(ObjectNode payload, List<String> disclosures) throws CredentialRefusal {
        JsonNode alg = payload.get("_sd_alg");
        if (alg != null && !"sha-256".equals(alg.asText(null))) {
            throw new CredentialRefusal(RefusalReason.MALFORMED, "unsupported _sd_alg " + alg);
        }
        AttestationDisclosures d = new AttestationDisclosures();
        for (String disclosure : disclosures) {
            String digest = AttestationJose.sha256Base64Url(disclosure);
            if (d.byDigest.containsKey(digest)) {
                throw new CredentialRefusal(RefusalReason.MALFORMED, "duplicate disclosure");
            }
            JsonNode decoded;
            try {
                decoded = AttestationJose.JSON.readTree(AttestationJose.fromBase64Url(disclosure, RefusalReason.MALFORMED));
            } catch (java.io.IOException e) {
                throw new CredentialRefusal(RefusalReason.MALFORMED, "disclosure is not JSON");
            }
            if (!(decoded instanceof ArrayNode a) || (a.size() != 2 && a.size() != 3) || !a.get(0).isTextual()) {
                throw new CredentialRefusal(RefusalReason.MALFORMED, "disclosure is not [salt, (name,) value]");
            }
            d.byDigest.put(digest, a);
        }
        ObjectNode claims = (ObjectNode) d.process(payload);
        claims.remove("_sd_alg");
        if (d.used.size() != d.byDigest.size()) {
            throw new CredentialRefusal(RefusalReason.BAD_SIGNATURE, "disclosure not covered by the issuer signature");
        }
        return claims;
    }

    private String claimDigest(String digest) throws CredentialRefusal {
        if (!seenDigests.add(digest)) {
            throw new CredentialRefusal(RefusalReason.MALFORMED, "digest referenced twice");
        }
        return digest;
    }

    private JsonNode process(JsonNode node) throws CredentialRefusal {
        if (node instanceof ObjectNode object) {
            ObjectNode out = AttestationJose.JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (!field.getKey().equals("_sd")) {
                    out.set(field.getKey(), process(field.getValue()));
                }
            }
            JsonNode sd = object.get("_sd");
            if (sd != null) {
                if (!sd.isArray()) {
                    throw new CredentialRefusal(RefusalReason.MALFORMED, "_sd is not an array");
                }
                for (JsonNode entry : sd) {
                    if (!entry.isTextual()) {
                        throw new CredentialRefusal(RefusalReason.MALFORMED, "_sd entry is not a string");
                    }
                    ArrayNode disclosure = byDigest.get(claimDigest(entry.asText()));
                    if (disclosure == null) {
                        continue; // decoy or undisclosed
                    }
                    if (disclosure.size() != 3 || !disclosure.get(1).isTextual()) {
                        throw new CredentialRefusal(RefusalReason.MALFORMED, "array disclosure used for a property");
                    }
                    String name = disclosure.get(1).asText();
                    if (name.equals("_sd") || name.equals("...") || out.has(name)) {
                        throw new CredentialRefusal(RefusalReason.MALFORMED, "disclosed name clashes: " + name);
                    }
                    used.add(entry.asText());
                    out.set(name, process(disclosure.get(2)));
                }
            }
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = AttestationJose.JSON.createArrayNode();
            for (JsonNode element : array) {
                if (element instanceof ObjectNode o && o.size() == 1 && o.has("...")) {
                    JsonNode digest = o.get("...");
                    if (!digest.isTextual()) {
                        throw new CredentialRefusal(RefusalReason.MALFORMED, "array digest is not a string");
                    }
                    ArrayNode disclosure = byDigest.get(claimDigest(digest.asText()));
                    if (disclosure == null) {
                        continue;
                    }
                    if (disclosure.size() != 2) {
                        throw new CredentialRefusal(RefusalReason.MALFORMED, "property disclosure used in an array");
                    }
                    used.add(digest.asText());
                    out.add(process(disclosure.get(1)));
                } else {
                    out.add(process(element));
                }
            }
            return out;
        }
        return node;
    }
}
