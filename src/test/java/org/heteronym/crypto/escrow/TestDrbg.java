package org.heteronym.crypto.escrow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * TEST ONLY: a deterministic SecureRandom substitute so that test vectors are reproducible.
 * Block k = SHA-256("heteronym-test-drbg" || seed || u64be(k)), output = block 0 || block 1 || ...
 * Never use outside tests: its output is predictable by anyone who knows the seed. Public so that the tests of
 * sub-packages (the DKG) share one definition.
 */
public final class TestDrbg extends SecureRandom {
    private static final long serialVersionUID = 1L;

    public TestDrbg(String seed) {
        super(new Spi(seed.getBytes(StandardCharsets.UTF_8)), null);
    }

    private static final class Spi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private final byte[] seed;
        private long counter;
        private byte[] block = new byte[0];
        private int used;

        Spi(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        protected void engineSetSeed(byte[] s) {
            throw new UnsupportedOperationException("deterministic test DRBG cannot be reseeded");
        }

        @Override
        protected void engineNextBytes(byte[] out) {
            for (int i = 0; i < out.length; i++) {
                if (used == block.length) {
                    block = nextBlock();
                    used = 0;
                }
                out[i] = block[used++];
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int n) {
            byte[] b = new byte[n];
            engineNextBytes(b);
            return b;
        }

        private byte[] nextBlock() {
            MessageDigest h = Bytes.sha256();
            h.update("heteronym-test-drbg".getBytes(StandardCharsets.US_ASCII));
            h.update(seed);
            byte[] ctr = new byte[8];
            Bytes.putU64(ctr, 0, counter++);
            h.update(ctr);
            return h.digest();
        }
    }
}
