package org.heteronym.crypto.note;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    static final String ORIGIN = "heteronym.example/log";
    static final byte[] ROOT = Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");

    @Test
    void specExampleBodyParsesAndRoundTrips() throws NoteException {
        String body = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
        Checkpoint checkpoint = Checkpoint.parse(body);
        assertEquals("example.com/behind-the-sofa", checkpoint.origin());
        assertEquals(20852163L, checkpoint.size());
        assertArrayEquals(ROOT, checkpoint.rootHash());
        assertEquals(List.of(), checkpoint.extensions());
        assertEquals(body, checkpoint.body());
    }

    @Test
    void extensionLinesRoundTrip() throws NoteException {
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 0, ROOT, List.of("ext one", "— ext two"));
        assertEquals(checkpoint, Checkpoint.parse(checkpoint.body()));
        assertTrue(checkpoint.body().endsWith("\next one\n— ext two\n"));
    }

    @Test
    void malformedBodiesAreRejected() {
        String root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
        for (String body : List.of(
                "",
                ORIGIN + "\n5\n" + root,
                ORIGIN + "\n5\n",
                ORIGIN + "\n" + root + "\n",
                "\n5\n" + root + "\n",
                ORIGIN + "\n05\n" + root + "\n",
                ORIGIN + "\n+5\n" + root + "\n",
                ORIGIN + "\n-5\n" + root + "\n",
                ORIGIN + "\n 5\n" + root + "\n",
                ORIGIN + "\n5 \n" + root + "\n",
                ORIGIN + "\n0x5\n" + root + "\n",
                ORIGIN + "\n9223372036854775808\n" + root + "\n",
                ORIGIN + "\n99999999999999999999\n" + root + "\n",
                ORIGIN + "\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n",
                ORIGIN + "\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n",
                ORIGIN + "\n5\n" + Base64.getEncoder().encodeToString(new byte[31]) + "\n",
                ORIGIN + "\n5\n" + Base64.getEncoder().encodeToString(new byte[33]) + "\n",
                ORIGIN + "\n5\n" + root + "\n\n",
                ORIGIN + "\n5\n" + root + "\next\n\n")) {
            assertThrows(NoteException.class, () -> Checkpoint.parse(body), body);
        }
    }

    @Test
    void largestTreeSizeParses() throws NoteException {
        String body = ORIGIN + "\n9223372036854775807\n" + Base64.getEncoder().encodeToString(ROOT) + "\n";
        assertEquals(Long.MAX_VALUE, Checkpoint.parse(body).size());
    }

    @Test
    void constructorRefusesWhatCouldNotBeParsedBack() {
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("", 1, ROOT));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("a\nb", 1, ROOT));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(ORIGIN, -1, ROOT));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(ORIGIN, 1, new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(ORIGIN, 1, ROOT, List.of("")));
    }

    @Test
    void rootHashIsDefensivelyCopied() {
        byte[] root = ROOT.clone();
        Checkpoint checkpoint = new Checkpoint(ORIGIN, 1, root);
        root[0] ^= 1;
        checkpoint.rootHash()[1] ^= 1;
        assertArrayEquals(ROOT, checkpoint.rootHash());
    }

    @Test
    void signedCheckpointVerifiesAndKeepsTheNote() throws NoteException {
        NoteSigner signer = NoteSigner.ed25519(ORIGIN, Ed25519PrivateKey.generate());
        NoteVerifier verifier = NoteVerifier.fromVkey(signer.verifierKey());
        String note = signer.sign(new Checkpoint(ORIGIN, 42, ROOT).body());
        VerifiedCheckpoint verified = CheckpointVerifier.verify(note, verifier, ORIGIN);
        assertEquals(ORIGIN, verified.origin());
        assertEquals(42, verified.size());
        assertArrayEquals(ROOT, verified.rootHash());
        assertEquals(note, verified.note());
        // The stored note re-verifies later.
        assertEquals(42, CheckpointVerifier.verify(verified.note(), verifier, ORIGIN).size());
    }

    @Test
    void checkpointWithAnotherOriginIsRejected() throws NoteException {
        NoteSigner signer = NoteSigner.ed25519(ORIGIN, Ed25519PrivateKey.generate());
        NoteVerifier verifier = NoteVerifier.fromVkey(signer.verifierKey());
        String note = signer.sign(new Checkpoint("other.example/log", 42, ROOT).body());
        NoteException e = assertThrows(NoteException.class, () -> CheckpointVerifier.verify(note, verifier, ORIGIN));
        assertTrue(e.getMessage().contains("origin"), e.getMessage());
    }

    @Test
    void checkpointSignedByAnotherKeyOrAlteredIsRejected() throws NoteException {
        NoteSigner signer = NoteSigner.ed25519(ORIGIN, Ed25519PrivateKey.generate());
        NoteSigner other = NoteSigner.ed25519(ORIGIN, Ed25519PrivateKey.generate());
        NoteVerifier verifier = NoteVerifier.fromVkey(signer.verifierKey());
        String body = new Checkpoint(ORIGIN, 42, ROOT).body();
        assertThrows(NoteException.class, () -> CheckpointVerifier.verify(other.sign(body), verifier, ORIGIN));
        String altered = signer.sign(body).replace("\n42\n", "\n43\n");
        assertThrows(NoteException.class, () -> CheckpointVerifier.verify(altered, verifier, ORIGIN));
        String notACheckpoint = signer.sign("hello\n");
        assertThrows(NoteException.class, () -> CheckpointVerifier.verify(notACheckpoint, verifier, ORIGIN));
    }
}
