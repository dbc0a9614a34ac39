package org.heteronym.credential;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;

/** Test issuer and wallet: real keys, SD-JWT VCs, key-binding presentations and status list tokens built with jose4j. */
final class AttestationTestIssuer {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private AttestationTestIssuer() {
    }

    static PublicJsonWebKey ecKey(String kid) throws Exception {
        PublicJsonWebKey k = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        k.setKeyId(kid);
        return k;
    }

    static PublicJsonWebKey edKey(String kid) throws Exception {
        PublicJsonWebKey k = OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
        k.setKeyId(kid);
        return k;
    }

    static PublicJsonWebKey publicOnly(PublicJsonWebKey k) throws Exception {
        return PublicJsonWebKey.Factory.newPublicJwk(k.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    static Map<String, Object> publicParams(PublicJsonWebKey k) {
        return k.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    static String sign(PublicJsonWebKey key, String typ, Map<String, Object> payload) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(JSON.writeValueAsString(payload));
        jws.setAlgorithmHeaderValue(key instanceof OctetKeyPairJsonWebKey ? "EdDSA" : "ES256");
        if (key.getKeyId() != null) {
            jws.setKeyIdHeaderValue(key.getKeyId());
        }
        jws.setHeader("typ", typ);
        jws.setKey(key.getPrivateKey());
        return jws.getCompactSerialization();
    }

    static String disclosure(String name, Object value) throws Exception {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return b64(JSON.writeValueAsBytes(List.of(b64(salt), name, value)));
    }

    static String digest(String disclosure) throws Exception {
        return b64(sha256(disclosure.getBytes(StandardCharsets.US_ASCII)));
    }

    /** An issuer-signed SD-JWT: {@code clear} claims plus an {@code _sd} array with the digests of {@code disclosures}. */
    static String issue(PublicJsonWebKey key, Map<String, Object> clear, List<String> disclosures) throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>(clear);
        if (!disclosures.isEmpty()) {
            List<String> sd = new ArrayList<>();
            for (String d : disclosures) {
                sd.add(digest(d));
            }
            sd.add(b64(sha256("decoy".getBytes(StandardCharsets.US_ASCII)))); // a decoy digest
            payload.put("_sd", sd);
            payload.put("_sd_alg", "sha-256");
        }
        return sign(key, "dc+sd-jwt", payload);
    }

    static String withoutKeyBinding(String issuerJwt, List<String> disclosures) {
        StringBuilder sb = new StringBuilder(issuerJwt).append('~');
        disclosures.forEach(d -> sb.append(d).append('~'));
        return sb.toString();
    }

    /** The wallet's presentation: the SD-JWT and a KB-JWT signed by {@code holder} over it. */
    static String present(String issuerJwt, List<String> disclosures, PublicJsonWebKey holder, String nonce,
                          String aud, Instant iat) throws Exception {
        String bound = withoutKeyBinding(issuerJwt, disclosures);
        return bound + keyBinding(bound, holder, nonce, aud, iat);
    }

    static String keyBinding(String bound, PublicJsonWebKey holder, String nonce, String aud, Instant iat)
            throws Exception {
        Map<String, Object> kb = new LinkedHashMap<>();
        kb.put("nonce", nonce);
        kb.put("aud", aud);
        kb.put("iat", iat.getEpochSecond());
        kb.put("sd_hash", digest(bound));
        return sign(holder, "kb+jwt", kb);
    }

    /** A signed status list token whose entry {@code i} is {@code values[i]}, {@code bits} wide. */
    static String statusListToken(PublicJsonWebKey key, String iss, String uri, int bits, int[] values, Instant iat,
                                  Instant exp) throws Exception {
        byte[] list = new byte[Math.max(1, (values.length * bits + 7) / 8)];
        for (int i = 0; i < values.length; i++) {
            int bit = i * bits;
            list[bit / 8] |= (byte) (values[i] << (bit % 8));
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(list);
        deflater.finish();
        byte[] buffer = new byte[list.length + 64];
        int n = deflater.deflate(buffer);
        deflater.end();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", iss);
        payload.put("sub", uri);
        payload.put("iat", iat.getEpochSecond());
        payload.put("exp", exp.getEpochSecond());
        payload.put("ttl", 300);
        payload.put("status_list", Map.of("bits", bits, "lst", b64(java.util.Arrays.copyOf(buffer, n))));
        return sign(key, "statuslist+jwt", payload);
    }
}
