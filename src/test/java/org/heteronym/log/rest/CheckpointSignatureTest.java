package org.heteronym.log.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import org.heteronym.testing.LogClient;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints are signed with Bouncy Castle; here they are verified with the JDK's own Ed25519 (SunEC), from the
 * C2SP formats alone, so a bug shared by our signer and our verifier cannot hide.
 */
@QuarkusTest
class CheckpointSignatureTest {

    @Test
    void checkpointVerifiesWithTheJdkEd25519Implementation() throws Exception {
        LogClient log = LogClient.forTestProfile();
        log.awaitSize(1);
        String vkey = log.vkey();
        String note = given().get("/log/checkpoint").then().statusCode(200).extract().asString();

        String[] vkeyParts = vkey.split("\\+", 3);
        assertEquals(3, vkeyParts.length, vkey);
        byte[] typedKey = Base64.getDecoder().decode(vkeyParts[2]);
        assertEquals(0x01, typedKey[0], "Ed25519 algorithm byte");
        PublicKey publicKey = ed25519PublicKey(Arrays.copyOfRange(typedKey, 1, 33));

        int split = note.lastIndexOf("\n\n");
        String text = note.substring(0, split + 1);
        String signatureLine = note.substring(split + 2).strip();
        String prefix = "\u2014 " + vkeyParts[0] + " ";
        assertTrue(signatureLine.startsWith(prefix), signatureLine);
        byte[] keyIdAndSignature = Base64.getDecoder().decode(signatureLine.substring(prefix.length()));
        assertEquals(vkeyParts[1], java.util.HexFormat.of().formatHex(keyIdAndSignature, 0, 4));

        Signature jdk = Signature.getInstance("Ed25519", "SunEC");
        jdk.initVerify(publicKey);
        jdk.update(text.getBytes(StandardCharsets.UTF_8));
        assertTrue(jdk.verify(Arrays.copyOfRange(keyIdAndSignature, 4, 68)), "JDK Ed25519 accepts the checkpoint");

        jdk.initVerify(publicKey);
        jdk.update(text.replaceFirst("\n\\d+\n", "\n999999\n").getBytes(StandardCharsets.UTF_8));
        assertFalse(jdk.verify(Arrays.copyOfRange(keyIdAndSignature, 4, 68)), "a changed size breaks the signature");
    }

    /** RFC 8032 encoding: little-endian y with the sign of x in the top bit of the last byte. */
    private static PublicKey ed25519PublicKey(byte[] encoded) throws Exception {
        byte[] reversed = new byte[32];
        for (int i = 0; i < 32; i++) {
            reversed[i] = encoded[31 - i];
        }
        boolean xOdd = (reversed[0] & 0x80) != 0;
        reversed[0] &= 0x7f;
        EdECPoint point = new EdECPoint(xOdd, new java.math.BigInteger(1, reversed));
        return KeyFactory.getInstance("Ed25519", "SunEC").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }
}
