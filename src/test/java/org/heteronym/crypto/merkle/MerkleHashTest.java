package org.heteronym.crypto.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MerkleHashTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void emptyRootIsSha256OfNothing() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HEX.formatHex(MerkleHash.emptyRoot()));
    }

    @Test
    void leafAndNodeHashesAreDomainSeparated() {
        // SHA-256(0x00) and SHA-256(0x01 || a || b): the RFC 6962 reference values.
        assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                HEX.formatHex(MerkleHash.leafHash(new byte[0])));
        byte[] a = MerkleHash.leafHash(new byte[0]);
        byte[] b = MerkleHash.leafHash(new byte[] {0});
        assertEquals("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                HEX.formatHex(MerkleHash.nodeHash(a, b)));
    }

    @Test
    void nodeHashRejectsChildrenThatAreNotHashes() {
        assertThrows(IllegalArgumentException.class, () -> MerkleHash.nodeHash(new byte[31], new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> MerkleHash.nodeHash(new byte[32], null));
    }
}
