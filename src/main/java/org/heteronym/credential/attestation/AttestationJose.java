package org.heteronym.credential.attestation;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.heteronym.credential.CredentialRefusal;
import org.heteronym.credential.RefusalReason;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/** Compact JWS parsing and verification shared by the attestation and status-list code; ES256 and EdDSA only. */
public final class AttestationJose {

    /** The only JWS algorithms accepted anywhere in attestation checking. */
    public static final Set<String> ALGORITHMS = Set.of("ES256", "EdDSA");

    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private AttestationJose() {
    }

    /** A compact JWS whose header and payload were parsed but whose signature is not verified yet. */
    public record Parsed(JsonWebSignature jws, String alg, String typ, String kid, ObjectNode payload) {
    }

    /** Parses a compact JWS with a JSON object payload; any syntax problem is refused with {@code reason}. */
    public static Parsed parse(String compact, RefusalReason reason) throws CredentialRefusal {
        if (compact == null || compact.chars().filter(c -> c == '.').count() != 2) {
            throw new CredentialRefusal(reason, "not a compact JWS");
        }
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(compact);
            ObjectNode payload = object(jws.getUnverifiedPayloadBytes(), reason);
            String typ = jws.getHeader("typ");
            return new Parsed(jws, jws.getAlgorithmHeaderValue(), typ == null ? null : normaliseTyp(typ),
                    jws.getKeyIdHeaderValue(), payload);
        } catch (JoseException | RuntimeException e) {
            throw new CredentialRefusal(reason, "unparseable JWS: " + e.getMessage());
        }
    }

    private static String normaliseTyp(String typ) {
        String t = typ.toLowerCase(Locale.ROOT);
        return t.startsWith("application/") ? t.substring("application/".length()) : t;
    }

    public static void requireTyp(Parsed p, Set<String> allowed, RefusalReason reason) throws CredentialRefusal {
        if (p.typ() == null || !allowed.contains(p.typ())) {
            throw new CredentialRefusal(reason, "unexpected typ " + p.typ());
        }
    }

    public static void requireAlgorithm(Parsed p, RefusalReason reason) throws CredentialRefusal {
        if (p.alg() == null || !ALGORITHMS.contains(p.alg())) {
            throw new CredentialRefusal(reason, "algorithm not allowed: " + p.alg());
        }
    }

    /** The key named by {@code kid}, or the only key when the JWS names none. */
    public static PublicJsonWebKey selectKey(List<PublicJsonWebKey> keys, String kid, RefusalReason reason)
            throws CredentialRefusal {
        if (kid == null) {
            if (keys.size() == 1) {
                return keys.get(0);
            }
            throw new CredentialRefusal(reason, "no kid and several keys");
        }
        return keys.stream().filter(k -> kid.equals(k.getKeyId())).findFirst()
                .orElseThrow(() -> new CredentialRefusal(reason, "unknown kid " + kid));
    }

    /** Verifies the signature with {@code key} under the algorithm allow-list; refuses with {@code reason}. */
    public static void verify(Parsed p, Key key, RefusalReason reason) throws CredentialRefusal {
        requireAlgorithm(p, reason);
        try {
            p.jws().setAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, ALGORITHMS.toArray(String[]::new)));
            p.jws().setKey(key);
            if (!p.jws().verifySignature()) {
                throw new CredentialRefusal(reason, "signature does not verify");
            }
        } catch (JoseException | RuntimeException e) {
            throw new CredentialRefusal(reason, "signature not verifiable: " + e.getMessage());
        }
    }

    public static ObjectNode object(byte[] json, RefusalReason reason) throws CredentialRefusal {
        try {
            JsonNode node = JSON.readTree(json);
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new CredentialRefusal(reason, "invalid JSON");
        }
        throw new CredentialRefusal(reason, "JSON is not an object");
    }

    /** A NumericDate claim, if present; a non-number is refused with {@code reason}. */
    public static Optional<Instant> numericDate(JsonNode claims, String name, RefusalReason reason)
            throws CredentialRefusal {
        JsonNode n = claims.get(name);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isNumber()) {
            throw new CredentialRefusal(reason, name + " is not a number");
        }
        return Optional.of(Instant.ofEpochSecond(n.asLong()));
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Base64Url(String ascii) {
        return base64Url(sha256(ascii.getBytes(StandardCharsets.US_ASCII)));
    }

    public static String base64Url(byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    public static byte[] fromBase64Url(String s, RefusalReason reason) throws CredentialRefusal {
        try {
            if (s.indexOf('=') >= 0) {
                throw new IllegalArgumentException("padding");
            }
            return Base64.getUrlDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new CredentialRefusal(reason, "invalid base64url");
        }
    }
}
