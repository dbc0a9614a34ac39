package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SchnorrProofTest {
    private final TestDrbg random = new TestDrbg("schnorr");
    private final Scalar x = Scalar.random(random);
    private final Point bigX = Point.multiplyGenerator(x);
    private final byte[] ctx = "dkg epoch 1, participant 3".getBytes();

    @Test
    void honestProofVerifies() throws Exception {
        SchnorrProof proof = SchnorrProof.prove(x, ctx, random);
        assertDoesNotThrow(() -> proof.verify(bigX, ctx));
        assertEquals(proof, SchnorrProof.decode(proof.encode()));
    }

    @Test
    void proofForOneKeyFailsForAnother() {
        SchnorrProof proof = SchnorrProof.prove(x, ctx, random);
        Point other = Point.multiplyGenerator(Scalar.random(random));
        assertThrows(InvalidProofException.class, () -> proof.verify(other, ctx));
    }

    @Test
    void proofForOneContextFailsForAnother() {
        SchnorrProof proof = SchnorrProof.prove(x, ctx, random);
        assertThrows(InvalidProofException.class, () -> proof.verify(bigX, "dkg epoch 2, participant 3".getBytes()));
    }

    @Test
    void tamperedChallengeOrResponseFails() {
        SchnorrProof proof = SchnorrProof.prove(x, ctx, random);
        SchnorrProof badC = new SchnorrProof(proof.c().add(Scalar.of(1)), proof.z());
        SchnorrProof badZ = new SchnorrProof(proof.c(), proof.z().add(Scalar.of(1)));
        assertThrows(InvalidProofException.class, () -> badC.verify(bigX, ctx));
        assertThrows(InvalidProofException.class, () -> badZ.verify(bigX, ctx));
    }

    @Test
    void zeroScalarsInProofEncodingAreRejected() {
        byte[] enc = SchnorrProof.prove(x, ctx, random).encode();
        byte[] zeroC = enc.clone();
        java.util.Arrays.fill(zeroC, 0, 32, (byte) 0);
        byte[] zeroZ = enc.clone();
        java.util.Arrays.fill(zeroZ, 32, 64, (byte) 0);
        assertThrows(MalformedEncodingException.class, () -> SchnorrProof.decode(zeroC));
        assertThrows(MalformedEncodingException.class, () -> SchnorrProof.decode(zeroZ));
        assertThrows(MalformedEncodingException.class, () -> SchnorrProof.decode(new byte[63]));
        assertThrows(IllegalArgumentException.class, () -> SchnorrProof.prove(Scalar.of(0), ctx, random));
    }
}
