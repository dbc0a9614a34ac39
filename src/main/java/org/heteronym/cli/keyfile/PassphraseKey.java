package org.heteronym.cli.keyfile;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.SCrypt;

/** The key-file key: scrypt over the UTF-8 passphrase; every intermediate copy of the passphrase is wiped. */
final class PassphraseKey {

    private PassphraseKey() {
    }

    static byte[] derive(char[] passphrase, byte[] salt, int cost, int r, int p) {
        byte[] pass = utf8(passphrase);
        try {
            return SCrypt.generate(pass, salt, cost, r, p, 32);
        } finally {
            Arrays.fill(pass, (byte) 0);
        }
    }

    /** UTF-8 bytes of a passphrase, without leaving copies in intermediate buffers. */
    static byte[] utf8(char[] chars) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return out;
    }
}
