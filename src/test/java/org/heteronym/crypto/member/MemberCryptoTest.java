package org.heteronym.crypto.member;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

/** The vectors of docs/members.md (also reproduced by an independent Node.js script there), and the attacks. */
class MemberCryptoTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SECRET = new byte[32];
    private static final byte[] NONCE = HEX.parseHex("000102030405060708090a0b");

    static {
        for (int i = 0; i < 32; i++) {
            SECRET[i] = (byte) i;
        }
    }

    @Test
    void keysTagAndSealedHandleMatchTheDocumentedVectors() {
        MemberKeys keys = MemberKeys.derive(SECRET);
        assertEquals("c8d7ff00bedef261bb75c51be209f2c7af515b83992324af823313049346801e", HEX.formatHex(keys.tagKey()));
        assertEquals("469634b7b66a07d345f6b2ae158cec6aad5b03ae73753435ff5078a5fb4dbb14", HEX.formatHex(keys.handleKey()));
        byte[] tag = DuplicateTag.compute(keys.tagKey(), "fr-rpps", "810001234567");
        assertEquals("58ea592a8e2c01b561798310ec0ea820b61ed827c7c0e1c6029c8df59fd798d9", HEX.formatHex(tag));
        byte[] sealed = new HandleCipher(keys.handleKey(), null).seal(bytes("status handle"), tag, NONCE);
        assertEquals("000102030405060708090a0b5225361442643adecc344c5aa6f7eff292a8803897f24501ec11f3d33e",
                HEX.formatHex(sealed));
    }

    @Test
    void tagsSeparateAuthoritiesAndAmbiguousSplits() {
        byte[] key = MemberKeys.derive(SECRET).tagKey();
        assertFalse(Arrays.equals(DuplicateTag.compute(key, "fr-rpps", "123"), DuplicateTag.compute(key, "de-ehba", "123")));
        // length-prefixed fields: moving a character across the boundary changes the tag
        assertFalse(Arrays.equals(DuplicateTag.compute(key, "ab", "c"), DuplicateTag.compute(key, "a", "bc")));
        byte[] otherKey = MemberKeys.derive(new byte[32]).tagKey();
        assertFalse(Arrays.equals(DuplicateTag.compute(key, "a", "b"), DuplicateTag.compute(otherKey, "a", "b")));
    }

    @Test
    void sealedHandleOpensOnlyWithItsKeyItsTagAndUnaltered() throws Exception {
        MemberKeys keys = MemberKeys.derive(SECRET);
        HandleCipher cipher = new HandleCipher(keys.handleKey(), new SecureRandom());
        byte[] tag = DuplicateTag.compute(keys.tagKey(), "fr-rpps", "1");
        byte[] sealed = cipher.seal(bytes("handle"), tag);
        assertArrayEquals(bytes("handle"), cipher.open(sealed, tag));

        // copied onto another member's row
        byte[] otherTag = DuplicateTag.compute(keys.tagKey(), "fr-rpps", "2");
        assertThrows(AEADBadTagException.class, () -> cipher.open(sealed, otherTag));
        // another deployment's key
        HandleCipher other = new HandleCipher(MemberKeys.derive(new byte[32]).handleKey(), new SecureRandom());
        assertThrows(AEADBadTagException.class, () -> other.open(sealed, tag));
        // any flipped bit, and truncation
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThrows(AEADBadTagException.class, () -> cipher.open(tampered, tag));
        }
        assertThrows(AEADBadTagException.class, () -> cipher.open(Arrays.copyOf(sealed, 20), tag));
        // fresh nonce every time
        assertFalse(Arrays.equals(sealed, cipher.seal(bytes("handle"), tag)));
    }

    @Test
    void secretMustBe32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> MemberKeys.derive(new byte[31]));
        assertEquals("MemberKeys[redacted]", MemberKeys.derive(SECRET).toString());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
