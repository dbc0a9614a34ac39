package org.heteronym.crypto.note;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signed notes against the reference example of the signed-note format (Go's golang.org/x/mod/sumdb/note,
 * whose key, text and signature the C2SP spec's ecosystem uses as its test vector), plus mutations.
 */
class SignedNoteTest {

    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    /** Go's private key format: PRIVATE+KEY+name+id+base64(0x01 || seed). Only the seed is used here. */
    static final String PETER_SKEY_MATERIAL = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String PETER_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG =
            "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String PETER_NOTE = PETER_TEXT + "\n" + PETER_SIG;
    static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String ENOCH_SIG =
            "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    static Ed25519PrivateKey peterKey() {
        byte[] material = Base64.getDecoder().decode(PETER_SKEY_MATERIAL);
        assertEquals(1, material[0]);
        return Ed25519PrivateKey.fromSeed(Arrays.copyOfRange(material, 1, material.length));
    }

    @Test
    void referenceNoteVerifiesUnderReferenceVerifierKey() throws NoteException {
        NoteVerifier verifier = NoteVerifier.fromVkey(PETER_VKEY);
        assertEquals("PeterNeumann", verifier.keyName());
        assertEquals(0xc74f20a3, verifier.keyId());
        assertEquals(PETER_VKEY, verifier.vkey());
        VerifiedNote note = verifier.verify(PETER_NOTE);
        assertEquals(PETER_TEXT, note.text());
        assertEquals(PETER_NOTE, note.note());
        assertEquals(PETER_TEXT, verifier.verify(PETER_NOTE.getBytes(StandardCharsets.UTF_8)).text());
    }

    @Test
    void signerReproducesReferenceNoteAndVerifierKeyByteForByte() {
        NoteSigner signer = NoteSigner.ed25519("PeterNeumann", peterKey());
        assertEquals(PETER_VKEY, signer.verifierKey());
        assertEquals(PETER_NOTE, signer.sign(PETER_TEXT));
    }

    @Test
    void everyProperSubstringAndSingleByteChangeOfTheVerifierKeyIsRejected() {
        byte[] b = PETER_VKEY.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i <= b.length; i++) {
            for (int j = i + 1; j <= b.length; j++) {
                if (i != 0 || j != b.length) {
                    String mangled = new String(b, i, j - i, StandardCharsets.US_ASCII);
                    assertThrows(NoteException.class, () -> NoteVerifier.fromVkey(mangled), mangled);
                }
            }
        }
        for (int i = 0; i < b.length; i++) {
            b[i]++;
            String mangled = new String(b, StandardCharsets.US_ASCII);
            assertThrows(NoteException.class, () -> NoteVerifier.fromVkey(mangled), mangled);
            b[i]--;
        }
        // Wrong key length and unknown algorithm, each with a key ID recomputed to match.
        assertThrows(NoteException.class, () -> NoteVerifier.fromVkey(
                "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="));
        assertThrows(NoteException.class, () -> NoteVerifier.fromVkey(
                "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
        // Upper-case hex is not the canonical form.
        assertThrows(NoteException.class, () -> NoteVerifier.fromVkey(
                "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
    }

    @Test
    void verifierKeyWithMismatchedKeyIdIsRejected() {
        NoteException e = assertThrows(NoteException.class, () -> NoteVerifier.fromVkey(
                "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
        assertThrows(NoteException.class, () -> NoteVerifier.fromVkey(
                "PeterNeuman+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
    }

    @Test
    void smallOrderPublicKeyIsRejected() {
        // The identity point (y = 1) has order 1: any signature with R = identity and S = 0 would verify.
        byte[] identity = new byte[32];
        identity[0] = 1;
        assertThrows(NoteException.class, () -> Ed25519PublicKey.fromRaw(identity));
    }

    @Test
    void mutatedTextIsRejected() throws NoteException {
        NoteVerifier verifier = NoteVerifier.fromVkey(PETER_VKEY);
        assertThrows(NoteException.class,
                () -> verifier.verify(PETER_NOTE.replace("cryptography", "cryptographY")));
        assertThrows(NoteException.class, () -> verifier.verify("x" + PETER_NOTE));
        assertThrows(NoteException.class, () -> verifier.verify(PETER_TEXT + "more\n\n" + PETER_SIG));
    }

    @Test
    void everySingleCharacterChangeOfTheSignatureIsRejected() throws NoteException {
        NoteVerifier verifier = NoteVerifier.fromVkey(PETER_VKEY);
        String prefix = PETER_TEXT + "\n— PeterNeumann ";
        String signature = PETER_SIG.substring("— PeterNeumann ".length(), PETER_SIG.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < signature.length(); i++) {
            char original = signature.charAt(i);
            if (original == '=') {
                continue;
            }
            char replacement = alphabet.charAt((alphabet.indexOf(original) + 1) % alphabet.length());
            String mangled = signature.substring(0, i) + replacement + signature.substring(i + 1);
            assertThrows(NoteException.class, () -> verifier.verify(prefix + mangled + "\n"), "position " + i);
        }
    }

    @Test
    void malformedNotesAreRejected() throws NoteException {
        NoteVerifier verifier = NoteVerifier.fromVkey(PETER_VKEY);
        List<String> bad = List.of(
                PETER_TEXT,
                PETER_TEXT + "\n",
                PETER_TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
                "\u0001" + PETER_NOTE,
                PETER_TEXT + "\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
                PETER_TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
                PETER_TEXT + "\n" + PETER_SIG.replace("— ", "-- "),
                PETER_TEXT + "\n" + PETER_SIG.replace("— ", "—"),
                PETER_TEXT + "\n" + PETER_SIG.replace("=\n", "\n"),
                PETER_TEXT + "\n— PeterNeumann AAAA\n",
                PETER_TEXT.replace("\n", "\r\n") + "\n" + PETER_SIG,
                "");
        for (String note : bad) {
            assertThrows(NoteException.class, () -> verifier.verify(note), note);
        }
        byte[] invalidUtf8 = ("\u00ff" + PETER_NOTE).getBytes(StandardCharsets.UTF_8);
        invalidUtf8[0] = (byte) 0xff;
        assertThrows(NoteException.class, () -> verifier.verify(invalidUtf8));
        // "/" as the overlong two-byte sequence C0 AF.
        byte[] overlong = PETER_NOTE.getBytes(StandardCharsets.UTF_8);
        byte[] withOverlong = new byte[overlong.length + 2];
        withOverlong[0] = (byte) 0xc0;
        withOverlong[1] = (byte) 0xaf;
        System.arraycopy(overlong, 0, withOverlong, 2, overlong.length);
        assertThrows(NoteException.class, () -> verifier.verify(withOverlong));
        assertThrows(NoteException.class, () -> verifier.verify("\ud800" + PETER_NOTE));
    }

    @Test
    void signaturesFromUnknownKeysAreIgnoredButOneByTheTrustedKeyIsRequired() throws NoteException {
        NoteVerifier peter = NoteVerifier.fromVkey(PETER_VKEY);
        NoteVerifier enoch = NoteVerifier.fromVkey(ENOCH_VKEY);
        String both = PETER_TEXT + "\n" + PETER_SIG + ENOCH_SIG;
        assertEquals(PETER_TEXT, peter.verify(both).text());
        assertEquals(PETER_TEXT, enoch.verify(both).text());
        assertEquals("EnochRoot", enoch.verify(both).keyName());
        NoteException e = assertThrows(NoteException.class, () -> peter.verify(PETER_TEXT + "\n" + ENOCH_SIG));
        assertTrue(e.getMessage().contains("no signature by key PeterNeumann+c74f20a3"), e.getMessage());
        // Same name, other key ID: an unknown key, ignored.
        String otherId = "— PeterNeumann " + Base64.getEncoder().encodeToString(new byte[68]) + "\n";
        assertEquals(PETER_TEXT, peter.verify(PETER_TEXT + "\n" + otherId + PETER_SIG).text());
        assertThrows(NoteException.class, () -> peter.verify(PETER_TEXT + "\n" + otherId));
        // Same key ID, other name: also unknown.
        String otherName = PETER_SIG.replace("PeterNeumann", "PeterNeumann2");
        assertThrows(NoteException.class, () -> peter.verify(PETER_TEXT + "\n" + otherName));
    }

    @Test
    void anInvalidSignatureByTheTrustedKeyRejectsTheWholeNote() throws NoteException {
        NoteVerifier peter = NoteVerifier.fromVkey(PETER_VKEY);
        String corrupted = PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(64);
        NoteException e = assertThrows(NoteException.class,
                () -> peter.verify(PETER_TEXT + "\n" + PETER_SIG + corrupted));
        assertTrue(e.getMessage().startsWith("invalid signature by key PeterNeumann+c74f20a3"), e.getMessage());
    }

    @Test
    void signatureLineCountIsBounded() throws NoteException {
        NoteVerifier peter = NoteVerifier.fromVkey(PETER_VKEY);
        // The spec requires accepting at least 16 signatures.
        assertEquals(PETER_TEXT, peter.verify(PETER_TEXT + "\n" + PETER_SIG.repeat(16)).text());
        assertEquals(PETER_TEXT, peter.verify(PETER_TEXT + "\n" + PETER_SIG.repeat(100)).text());
        assertThrows(NoteException.class, () -> peter.verify(PETER_TEXT + "\n" + PETER_SIG.repeat(101)));
    }

    @Test
    void notesOverOneMebibyteAreRejected() {
        NoteSigner signer = NoteSigner.ed25519("big", Ed25519PrivateKey.generate());
        String almost = "a".repeat((1 << 20) - 200) + "\n";
        String note = signer.sign(almost);
        assertTrue(note.length() <= 1 << 20);
        String tooBig = "a".repeat(1 << 20) + "\n";
        assertThrows(IllegalArgumentException.class, () -> signer.sign(tooBig));
        NoteVerifier verifier;
        try {
            verifier = NoteVerifier.fromVkey(signer.verifierKey());
            assertEquals(almost, verifier.verify(note).text());
        } catch (NoteException e) {
            throw new AssertionError(e);
        }
        String oversized = tooBig + "\n" + note.substring(note.lastIndexOf("\n\n") + 2);
        NoteVerifier v = verifier;
        assertThrows(NoteException.class, () -> v.verify(oversized));
        assertThrows(NoteException.class, () -> v.verify(oversized.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void invalidKeyNamesAndTextsAreRefusedBySigner() {
        Ed25519PrivateKey key = Ed25519PrivateKey.generate();
        for (String name : List.of("", "a b", "a+b", "a\tb", "a\u00a0b", "a\u2003b", "a\u0085b", "a\nb")) {
            assertThrows(IllegalArgumentException.class, () -> NoteSigner.ed25519(name, key), name);
        }
        NoteSigner signer = NoteSigner.ed25519("heteronym.example/log", key);
        for (String text : List.of("", "no newline", "tab\there\n", "\ud800\n")) {
            assertThrows(IllegalArgumentException.class, () -> signer.sign(text), text);
        }
    }

    @Test
    void ourNotesVerifyAndTextWithBlankLinesSurvives() throws NoteException {
        NoteSigner signer = NoteSigner.ed25519("quasimodo.example/salvatore", Ed25519PrivateKey.generate());
        NoteVerifier verifier = NoteVerifier.fromVkey(signer.verifierKey());
        assertEquals(signer.keyId(), verifier.keyId());
        String text = "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n";
        String note = signer.sign(text);
        assertEquals(text, verifier.verify(note).text());
        assertArrayEquals(note.getBytes(StandardCharsets.UTF_8), verifier.verify(note).note()
                .getBytes(StandardCharsets.UTF_8));
        // Another key under the same name is a different verifier: its signature is not accepted.
        NoteSigner impostor = NoteSigner.ed25519("quasimodo.example/salvatore", Ed25519PrivateKey.generate());
        assertThrows(NoteException.class, () -> verifier.verify(impostor.sign(text)));
    }
}
