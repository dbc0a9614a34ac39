package org.heteronym.cli.disclosure;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.heteronym.crypto.escrow.DisclosureStatements;
import org.heteronym.crypto.escrow.InvalidProofException;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.Scalar;
import org.heteronym.crypto.escrow.SchnorrProof;
import org.heteronym.crypto.escrow.TestDrbg;
import org.junit.jupiter.api.Test;

/** The Heteronym-Trustee header verifies with DisclosureStatements.verifyRequest, and only for what it signed. */
class TrusteeReviewSignatureTest {

    @Test
    void theHeaderVerifiesForTheSignedRequestOnly() throws Exception {
        TestDrbg random = new TestDrbg("header");
        Scalar d = Scalar.random(random);
        Point key = Point.multiplyGenerator(d);
        UUID trustee = UUID.randomUUID();
        String path = "/disclosure/v1/review/requests/" + DisclosureLogFixture.REQUEST + "/shares";
        byte[] body = "{\"checkpoint_size\":12,\"share\":\"AA==\"}".getBytes(StandardCharsets.UTF_8);
        String header = TrusteeRequestSignature.header(trustee, d, "POST", path, 1_790_000_000L, body, random);

        Map<String, String> params = new HashMap<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            params.put(kv[0], kv[1]);
        }
        assertTrue(params.get("trustee").equals(trustee.toString()));
        long time = Long.parseLong(params.get("time"));
        SchnorrProof proof = SchnorrProof.decode(Base64.getDecoder().decode(params.get("signature")));
        assertDoesNotThrow(() -> DisclosureStatements.verifyRequest(key, "POST", path, time, body, proof));
        assertThrows(InvalidProofException.class,
                () -> DisclosureStatements.verifyRequest(key, "POST", path, time, new byte[0], proof));
        assertThrows(InvalidProofException.class,
                () -> DisclosureStatements.verifyRequest(key, "GET", path, time, body, proof));
        assertThrows(InvalidProofException.class,
                () -> DisclosureStatements.verifyRequest(Point.multiplyGenerator(Scalar.random(random)), "POST",
                        path, time, body, proof));
    }
}
