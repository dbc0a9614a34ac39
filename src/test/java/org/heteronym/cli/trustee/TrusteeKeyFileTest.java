package org.heteronym.cli.trustee;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.heteronym.cli.InProcessCli;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.Scalar;
import org.heteronym.crypto.escrow.TrusteeKey;
import org.heteronym.crypto.escrow.dkg.StaticKeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrusteeKeyFileTest {

    static final int FAST = 1 << 10;
    static final char[] PASS = "correct horse battery staple".toCharArray();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    final SecureRandom random = new SecureRandom();

    Path newFile(StaticKeyPair key) throws Exception {
        Path file = dir.resolve("trustee.key");
        TrusteeKeyFile.create(key, FAST).writeNew(file, PASS.clone());
        return file;
    }

    @Test
    void roundTripWithSharesAndOwnerOnlyPermissions() throws Exception {
        StaticKeyPair key = StaticKeyPair.generate(random);
        Path file = newFile(key);
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));

        TrusteeKeyFile read = TrusteeKeyFile.read(file, PASS.clone());
        assertEquals(key.publicKey(), read.publicKey());
        assertEquals(key.publicKey(), read.staticKey().publicKey());
        assertTrue(read.shares().isEmpty());
        assertEquals(FAST, read.cost());

        Hash32 epoch = Hash32.sha256("epoch".getBytes(StandardCharsets.UTF_8));
        TrusteeKey share = new TrusteeKey(2, Scalar.random(random));
        read.addShare(epoch, share);
        read.addShare(epoch, share); // idempotent
        assertThrows(TrusteeException.class, () -> read.addShare(epoch, new TrusteeKey(2, Scalar.random(random))));
        read.replace(file, PASS.clone());

        TrusteeKeyFile again = TrusteeKeyFile.read(file, PASS.clone());
        assertEquals(1, again.shares().size());
        EpochShare held = again.share(epoch).orElseThrow();
        assertEquals(2, held.index());
        assertArrayEquals(share.exportSecret(), held.secret());
        assertEquals(share.publicKey(), held.trusteeKey().publicKey());
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary files left");
        }
        String text = Files.readString(file);
        assertTrue(text.contains("\"format\" : \"heteronym-trustee-key/v1\""), text);
        assertFalse(text.contains(Base64.getEncoder().encodeToString(key.exportSecret())));
    }

    @Test
    void wrongPassphraseIsRejected() throws Exception {
        Path file = newFile(StaticKeyPair.generate(random));
        TrusteeException e = assertThrows(TrusteeException.class,
                () -> TrusteeKeyFile.read(file, "not the passphrase".toCharArray()));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("wrong passphrase, or the file was modified"), e.getMessage());
    }

    @Test
    void everyTamperedFieldIsRejected() throws Exception {
        Path file = newFile(StaticKeyPair.generate(random));
        byte[] original = Files.readAllBytes(file);
        Point other = StaticKeyPair.generate(random).publicKey();
        List<Consumer<ObjectNode>> tampers = List.of(
                j -> kdf(j).put("salt", flip(kdf(j).get("salt").asText())),
                j -> j.put("nonce", flip(j.get("nonce").asText())),
                j -> j.put("ciphertext", flip(j.get("ciphertext").asText())),
                j -> j.put("ciphertext", j.get("ciphertext").asText().substring(4)),
                j -> j.put("public_key", Base64.getEncoder().encodeToString(other.encode())),
                j -> kdf(j).put("N", FAST * 2),
                j -> kdf(j).put("N", FAST + 1),
                j -> kdf(j).put("r", 4),
                j -> kdf(j).put("p", 2),
                j -> kdf(j).put("name", "argon2id"),
                j -> j.put("format", "heteronym-trustee-key/v2"),
                j -> j.put("extra", "x"),
                j -> j.remove("public_key"));
        for (int k = 0; k < tampers.size(); k++) {
            ObjectNode json = (ObjectNode) JSON.readTree(original);
            tampers.get(k).accept(json);
            Files.write(file, JSON.writeValueAsBytes(json));
            int tamper = k;
            TrusteeException e = assertThrows(TrusteeException.class, () -> TrusteeKeyFile.read(file, PASS.clone()),
                    "tamper " + tamper);
            assertEquals(2, e.exitCode());
        }
        Files.write(file, original);
        TrusteeKeyFile.read(file, PASS.clone()); // the untouched file still opens
    }

    @Test
    void refusesToOverwrite() throws Exception {
        Path file = newFile(StaticKeyPair.generate(random));
        byte[] before = Files.readAllBytes(file);
        TrusteeException e = assertThrows(TrusteeException.class,
                () -> TrusteeKeyFile.create(StaticKeyPair.generate(random), FAST).writeNew(file, PASS.clone()));
        assertTrue(e.getMessage().contains("refusing to overwrite"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void keygenCommandRefusesShortPassphraseAndOverwrite() throws Exception {
        int saved = TrusteeKeygenCommand.cost;
        TrusteeKeygenCommand.cost = FAST;
        try {
            Path shortPass = dir.resolve("short");
            Files.writeString(shortPass, "elevenchars\n");
            Path out = dir.resolve("k.json");
            InProcessCli.Result r = InProcessCli.run("trustee", "keygen", "--out", out.toString(), "--passphrase-file",
                    shortPass.toString());
            assertEquals(2, r.exitCode(), r.toString());
            assertTrue(r.err().contains("at least 12 characters"), r.toString());
            assertFalse(Files.exists(out));

            Path pass = dir.resolve("pass");
            Files.writeString(pass, "twelve chars\n");
            r = InProcessCli.run("trustee", "keygen", "--out", out.toString(), "--passphrase-file", pass.toString());
            assertEquals(0, r.exitCode(), r.toString());
            String publicKey = r.out().lines().filter(l -> l.startsWith("public key: ")).findFirst().orElseThrow()
                    .substring("public key: ".length());
            assertEquals(33, Base64.getDecoder().decode(publicKey).length);
            byte[] created = Files.readAllBytes(out);

            r = InProcessCli.run("trustee", "keygen", "--out", out.toString(), "--passphrase-file", pass.toString());
            assertEquals(2, r.exitCode(), r.toString());
            assertTrue(r.err().contains("refusing to overwrite"), r.toString());
            assertArrayEquals(created, Files.readAllBytes(out));

            r = InProcessCli.run("trustee", "show", "--key", out.toString(), "--passphrase-file", pass.toString());
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.out().contains("public key: " + publicKey), r.toString());
            assertTrue(r.out().contains("epochs: 0"), r.toString());

            r = InProcessCli.run("trustee", "show", "--key", out.toString(), "--passphrase-file", shortPass.toString());
            assertEquals(2, r.exitCode(), r.toString());
            assertTrue(r.err().startsWith("error: cannot decrypt key file"), r.toString());
            assertEquals("", r.out());
        } finally {
            TrusteeKeygenCommand.cost = saved;
        }
    }

    @Test
    void readsAFileWrittenBeforeTheEncryptionWasSharedWithOfficerKeys() throws Exception {
        // Written by the TrusteeKeyFile of commit d4d715e: static secret 7, share x_2 = 11 for epoch SHA-256("epoch").
        Path file = Path.of(getClass().getResource("/keyfiles/trustee-v1.key").toURI());
        TrusteeKeyFile read = TrusteeKeyFile.read(file, PASS.clone());
        assertEquals(Point.multiplyGenerator(Scalar.of(7)), read.publicKey());
        EpochShare share = read.share(Hash32.sha256("epoch".getBytes(StandardCharsets.UTF_8))).orElseThrow();
        assertEquals(2, share.index());
        assertEquals(Point.multiplyGenerator(Scalar.of(11)), share.trusteeKey().publicKey());
    }

    @Test
    void productionDefaultsAreTheSpecifiedOnes() {
        assertEquals(1 << 17, TrusteeKeyFile.DEFAULT_COST);
        assertEquals(1 << 17, TrusteeKeygenCommand.cost);
        assertEquals(8, TrusteeKeyFile.R);
        assertEquals(1, TrusteeKeyFile.P);
    }

    static ObjectNode kdf(ObjectNode json) {
        return (ObjectNode) json.get("kdf");
    }

    static String flip(String b64) {
        byte[] bytes = Base64.getDecoder().decode(b64);
        bytes[bytes.length / 2] ^= 0x01;
        return Base64.getEncoder().encodeToString(bytes);
    }
}
