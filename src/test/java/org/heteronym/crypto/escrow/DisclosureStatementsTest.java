package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The vectors of docs/escrow-protocol.md §23 (context bytes and digests reproduced with Node.js; the signature with
 * a fixed nonce, as in schnorr-pok.json), and that every signed field is bound.
 */
class DisclosureStatementsTest {

    static final HexFormat HEX = HexFormat.of();
    static final String PATH = "/disclosure/v1/requests/8d1c2f6e/shares";
    static final long TIME = 1796083200L;
    static final byte[] BODY = utf8("{\"checkpoint_size\":120,\"share\":\"AQ==\"}");
    static final Hash32 REQUEST_ENTRY = Hash32.sha256(utf8("request entry"));
    static final String REASON = "The order does not name this forum.";

    final TestDrbg random = new TestDrbg("disclosure-statements");
    final Scalar staticSecret = Scalar.random(random);
    final Point staticKey = Point.multiplyGenerator(staticSecret);
    final TrusteeKey trustee = new TrusteeKey(2, Scalar.random(random));

    // ------------------------------------------------------------------------------------------- vectors

    @Test
    void requestContextMatchesTheDocumentedVector() {
        assertEquals("010000001c68657465726f6e796d2f76312f747275737465652d726571756573740500000004504f5354"
                + "05000000272f646973636c6f737572652f76312f72657175657374732f38643163326636652f736861726573"
                + "0400000008000000006b0e0e00"
                + "05000000203de8f1904bbca7f864d9f0a336acafbf40d389fe6912831f7d31f130b7ef038c",
                HEX.formatHex(DisclosureStatements.requestContext("POST", PATH, TIME, BODY)));
    }

    @Test
    void emptyBodyHashesAsZeroBytes() {
        assertEquals("010000001c68657465726f6e796d2f76312f747275737465652d72657175657374050000000347455405000000"
                + "242f646973636c6f737572652f76312f72657175657374733f73746174653d726576696577"
                + "0400000008000000006b0e0e00"
                + "0500000020e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HEX.formatHex(DisclosureStatements.requestContext("GET", "/disclosure/v1/requests?state=review",
                        TIME, new byte[0])));
    }

    @Test
    void refusalContextMatchesTheDocumentedVector() {
        Hash32 reason = DisclosureStatements.reasonDigest(REASON);
        assertEquals("cd0a25208a9ffe497f40875157548d0a3bb8218b7cde82530d5aeaceeee7a756", reason.toHex());
        assertEquals("010000001f68657465726f6e796d2f76312f646973636c6f737572652d7265667573616c"
                + "04000000080000000000000029"
                + "0500000020d44a7869537f356615f2469944c3b77bdb1e034e325c97bec15b1fac5211353a"
                + "04000000080000000000000002"
                + "0500000020cd0a25208a9ffe497f40875157548d0a3bb8218b7cde82530d5aeaceeee7a756",
                HEX.formatHex(DisclosureStatements.refusalContext(41, REQUEST_ENTRY, 2, reason)));
    }

    @Test
    void targetDigestMatchesTheDocumentedVector() {
        assertEquals("31691cefc8a635cd7f26cc94e4aa631c7be8f7bd1673097d8f166887784707d9",
                DisclosureStatements.targetDigest("medforum", "pseudonym-1",
                        "[{\"posted_at\":\"2026-11-02T10:14:00Z\",\"url\":\"https://medforum.example/t/1\"}]",
                        "Diffamation répétée envers un confrère").toHex());
    }

    @Test
    void requestSignatureWithAFixedNonceMatchesTheDocumentedVector() throws Exception {
        Scalar d = Scalar.reduceBigEndian(Hash32.sha256(utf8("heteronym-test/trustee-static-key")).toBytes());
        Scalar w = Scalar.reduceBigEndian(Hash32.sha256(utf8("heteronym-test/request-nonce")).toBytes());
        byte[] context = DisclosureStatements.requestContext("POST", PATH, TIME, BODY);
        SchnorrProof proof = SchnorrProof.prove(d, context, w);
        assertEquals(SIGNATURE_VECTOR, HEX.formatHex(proof.encode()));
        assertEquals(STATIC_KEY_VECTOR, HEX.formatHex(Point.multiplyGenerator(d).encode()));
        DisclosureStatements.verifyRequest(Point.multiplyGenerator(d), "POST", PATH, TIME, BODY,
                SchnorrProof.decode(HEX.parseHex(SIGNATURE_VECTOR)));
    }

    static final String STATIC_KEY_VECTOR = "0297c97499ed0781b2c493f5bfdd2746731657448e5841d1ab12820dd1dc80cba4";
    static final String SIGNATURE_VECTOR = "8adf7e0142afda3a8543dd386dd6260cccdbf8ba248d1aacb233ba03a1739a3d"
            + "a5ea16b289d3a3acad246f576bcfe7dcf04d4ea9b3dc41e0237749ff0b68042b";

    // ----------------------------------------------------------------------------------- request binding

    @Test
    void requestSignatureVerifiesOnlyForWhatWasSigned() {
        SchnorrProof proof = DisclosureStatements.signRequest(staticSecret, "POST", PATH, TIME, BODY, random);
        assertDoesNotThrow(() -> DisclosureStatements.verifyRequest(staticKey, "POST", PATH, TIME, BODY, proof));
        Point otherKey = Point.multiplyGenerator(Scalar.random(random));
        assertThrows(InvalidProofException.class,
                () -> DisclosureStatements.verifyRequest(otherKey, "POST", PATH, TIME, BODY, proof));
        assertThrows(InvalidProofException.class,
                () -> DisclosureStatements.verifyRequest(staticKey, "PUT", PATH, TIME, BODY, proof));
        assertThrows(InvalidProofException.class,
                () -> DisclosureStatements.verifyRequest(staticKey, "POST", PATH + "?x=1", TIME, BODY, proof));
        assertThrows(InvalidProofException.class, () -> DisclosureStatements.verifyRequest(staticKey, "POST",
                "/disclosure/v1/requests/8d1c2f6f/shares", TIME, BODY, proof));
        assertThrows(InvalidProofException.class,
                () -> DisclosureStatements.verifyRequest(staticKey, "POST", PATH, TIME + 1, BODY, proof));
        byte[] otherBody = BODY.clone();
        otherBody[otherBody.length - 3] ^= 1;
        assertThrows(InvalidProofException.class,
                () -> DisclosureStatements.verifyRequest(staticKey, "POST", PATH, TIME, otherBody, proof));
        assertThrows(InvalidProofException.class,
                () -> DisclosureStatements.verifyRequest(staticKey, "POST", PATH, TIME, new byte[0], proof));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // Moving characters between method and path must change the context (typed, length-prefixed fields).
        assertNotEquals(HEX.formatHex(DisclosureStatements.requestContext("POST", "/a", TIME, BODY)),
                HEX.formatHex(DisclosureStatements.requestContext("POST/", "a", TIME, BODY)));
    }

    @Test
    void aRequestSignatureIsNotARefusalAndViceVersa() {
        // Same key, and a context that is a refusal's: the tags keep the statements apart.
        Hash32 reason = DisclosureStatements.reasonDigest(REASON);
        SchnorrProof refusal = DisclosureStatements.signRefusal(trustee, 41, REQUEST_ENTRY, REASON, random);
        byte[] refusalContext = DisclosureStatements.refusalContext(41, REQUEST_ENTRY, 2, reason);
        assertDoesNotThrow(() -> refusal.verify(trustee.publicKey(), refusalContext));
        assertThrows(InvalidProofException.class, () -> refusal.verify(trustee.publicKey(),
                DisclosureStatements.requestContext("POST", PATH, TIME, refusalContext)));
    }

    @Test
    void invalidInputsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> DisclosureStatements.requestContext("POST", PATH, -1, BODY));
        assertThrows(IllegalArgumentException.class,
                () -> DisclosureStatements.requestContext("POST", "/\uD800", TIME, BODY));
        assertThrows(NullPointerException.class, () -> DisclosureStatements.requestContext("POST", PATH, TIME, null));
        Hash32 reason = DisclosureStatements.reasonDigest(REASON);
        assertThrows(IllegalArgumentException.class,
                () -> DisclosureStatements.refusalContext(-1, REQUEST_ENTRY, 2, reason));
        assertThrows(IllegalArgumentException.class,
                () -> DisclosureStatements.refusalContext(41, REQUEST_ENTRY, 0, reason));
        assertThrows(IllegalArgumentException.class,
                () -> DisclosureStatements.refusalContext(41, REQUEST_ENTRY, 256, reason));
        assertThrows(IllegalArgumentException.class, () -> DisclosureStatements.reasonDigest("\uDC00 lone"));
    }

    // ----------------------------------------------------------------------------------- refusal binding

    @Test
    void refusalVerifiesOnlyForItsRequestTrusteeAndReason() {
        SchnorrProof proof = DisclosureStatements.signRefusal(trustee, 41, REQUEST_ENTRY, REASON, random);
        Hash32 reason = DisclosureStatements.reasonDigest(REASON);
        Point yi = trustee.publicKey();
        assertDoesNotThrow(() -> DisclosureStatements.verifyRefusal(yi, 41, REQUEST_ENTRY, 2, reason, proof));

        Point otherTrustee = new TrusteeKey(3, Scalar.random(random)).publicKey();
        assertThrows(InvalidProofException.class,
                () -> DisclosureStatements.verifyRefusal(otherTrustee, 41, REQUEST_ENTRY, 2, reason, proof));
        assertThrows(InvalidProofException.class,
                () -> DisclosureStatements.verifyRefusal(yi, 41, REQUEST_ENTRY, 3, reason, proof));
        assertThrows(InvalidProofException.class,
                () -> DisclosureStatements.verifyRefusal(yi, 42, REQUEST_ENTRY, 2, reason, proof));
        Hash32 otherEntry = Hash32.sha256(utf8("another request entry"));
        assertThrows(InvalidProofException.class,
                () -> DisclosureStatements.verifyRefusal(yi, 41, otherEntry, 2, reason, proof));
        Hash32 otherReason = DisclosureStatements.reasonDigest(REASON + " ");
        assertThrows(InvalidProofException.class,
                () -> DisclosureStatements.verifyRefusal(yi, 41, REQUEST_ENTRY, 2, otherReason, proof));
    }

    @Test
    void targetDigestBindsEveryField() {
        Hash32 base = DisclosureStatements.targetDigest("f", "p", "[]", "r");
        assertNotEquals(base, DisclosureStatements.targetDigest("g", "p", "[]", "r"));
        assertNotEquals(base, DisclosureStatements.targetDigest("f", "q", "[]", "r"));
        assertNotEquals(base, DisclosureStatements.targetDigest("f", "p", "[{}]", "r"));
        assertNotEquals(base, DisclosureStatements.targetDigest("f", "p", "[]", "s"));
        assertNotEquals(base, DisclosureStatements.targetDigest("fp", "", "[]", "r"));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
