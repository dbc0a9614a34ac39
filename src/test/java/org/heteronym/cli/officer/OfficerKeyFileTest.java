package org.heteronym.cli.officer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.heteronym.cli.InProcessCli;
import org.heteronym.cli.keyfile.KeyFileException;
import org.heteronym.cli.keyfile.SealedKeyFile;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import org.heteronym.crypto.escrow.Point;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficerKeyFileTest {

    static final int FAST = 1 << 10;
    static final char[] PASS = "a passphrase long enough".toCharArray();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    final SecureRandom random = new SecureRandom();
    Path passphraseFile;
    int savedCost;

    @BeforeEach
    void fastScrypt() throws Exception {
        savedCost = OfficerKeygenCommand.cost;
        OfficerKeygenCommand.cost = FAST;
        passphraseFile = dir.resolve("pass");
        Files.writeString(passphraseFile, new String(PASS) + "\n");
    }

    @AfterEach
    void restoreCost() {
        OfficerKeygenCommand.cost = savedCost;
    }

    Path newFile(OfficerKeyPair key) throws Exception {
        Path file = dir.resolve("officer.key");
        OfficerKeyFile.create(key, FAST).writeNew(file, PASS.clone());
        return file;
    }

    @Test
    void roundTripKeepsTheKeyPairOwnerOnly() throws Exception {
        OfficerKeyPair key = OfficerKeyPair.generate(random);
        Path file = newFile(key);
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        OfficerKeyFile read = OfficerKeyFile.read(file, PASS.clone());
        assertEquals(key.publicKey(), read.publicKey());
        assertEquals(key.publicKey(), read.keyPair().publicKey());
        assertArrayEquals(key.exportSecret(), read.keyPair().exportSecret());
        assertEquals(FAST, read.cost());
        String text = Files.readString(file);
        assertTrue(text.contains("\"format\" : \"heteronym-officer-key/v1\""), text);
        assertFalse(text.contains(Base64.getEncoder().encodeToString(key.exportSecret())), text);
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "the key file and the passphrase file, no temporary file");
        }
    }

    @Test
    void wrongPassphraseIsRejected() throws Exception {
        Path file = newFile(OfficerKeyPair.generate(random));
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> OfficerKeyFile.read(file, "not the passphrase".toCharArray()));
        assertTrue(e.getMessage().contains("wrong passphrase, or the file was modified"), e.getMessage());
    }

    @Test
    void everyTamperedFieldIsRejected() throws Exception {
        Path file = newFile(OfficerKeyPair.generate(random));
        byte[] original = Files.readAllBytes(file);
        Point other = OfficerKeyPair.generate(random).publicKey();
        List<Consumer<ObjectNode>> tampers = List.of(
                j -> j.put("ciphertext", flip(j.get("ciphertext").asText())),
                j -> j.put("nonce", flip(j.get("nonce").asText())),
                j -> ((ObjectNode) j.get("kdf")).put("salt", flip(j.get("kdf").get("salt").asText())),
                j -> ((ObjectNode) j.get("kdf")).put("N", FAST * 2),
                j -> j.put("public_key", Base64.getEncoder().encodeToString(other.encode())),
                j -> j.put("format", "heteronym-trustee-key/v1"),
                j -> j.remove("nonce"));
        for (int k = 0; k < tampers.size(); k++) {
            ObjectNode json = (ObjectNode) JSON.readTree(original);
            tampers.get(k).accept(json);
            Files.write(file, JSON.writeValueAsBytes(json));
            assertThrows(KeyFileException.class, () -> OfficerKeyFile.read(file, PASS.clone()), "tamper " + k);
        }
        Files.write(file, original);
        OfficerKeyFile.read(file, PASS.clone()); // the untouched file still opens
    }

    @Test
    void aFileOfAnotherFormatIsNotAnOfficerKeyEvenWithItsFormatRelabelled() throws Exception {
        // A sealed file of the same scheme but another format (a trustee's, say): refused as it is, and refused
        // when relabelled, because the format is authenticated as associated data.
        OfficerKeyPair key = OfficerKeyPair.generate(random);
        byte[] foreign = SealedKeyFile.seal("heteronym-trustee-key/v1", key.publicKey(), new byte[33], FAST,
                SealedKeyFile.BLOCK_SIZE, SealedKeyFile.PARALLELISM, PASS.clone());
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> OfficerKeyFile.decode(foreign, PASS.clone(), "foreign"));
        assertTrue(e.getMessage().contains("unsupported format (expected heteronym-officer-key/v1)"), e.getMessage());
        ObjectNode relabelled = (ObjectNode) JSON.readTree(foreign);
        relabelled.put("format", OfficerKeyFile.FORMAT);
        e = assertThrows(KeyFileException.class,
                () -> OfficerKeyFile.decode(JSON.writeValueAsBytes(relabelled), PASS.clone(), "foreign"));
        assertTrue(e.getMessage().contains("wrong passphrase, or the file was modified"), e.getMessage());
    }

    @Test
    void aSecretThatIsNotThePublicKeysIsRefused() throws Exception {
        // Sealed honestly, but over the secret of another key than the one in the header.
        byte[] plaintext = new byte[33];
        plaintext[0] = 1;
        System.arraycopy(OfficerKeyPair.generate(random).exportSecret(), 0, plaintext, 1, 32);
        byte[] file = SealedKeyFile.seal(OfficerKeyFile.FORMAT, OfficerKeyPair.generate(random).publicKey(),
                plaintext, FAST, SealedKeyFile.BLOCK_SIZE, SealedKeyFile.PARALLELISM, PASS.clone());
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> OfficerKeyFile.decode(file, PASS.clone(), "mismatched"));
        assertTrue(e.getMessage().contains("the secret key does not match \"public_key\""), e.getMessage());
    }

    @Test
    void refusesToOverwrite() throws Exception {
        Path file = newFile(OfficerKeyPair.generate(random));
        byte[] before = Files.readAllBytes(file);
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> OfficerKeyFile.create(OfficerKeyPair.generate(random), FAST).writeNew(file, PASS.clone()));
        assertTrue(e.getMessage().contains("refusing to overwrite"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void keygenPrintsTheKeyThatShowPrintsAgain() throws Exception {
        Path out = dir.resolve("officer.json");
        InProcessCli.Result r = InProcessCli.run("officer", "keygen", "--out", out.toString(),
                "--passphrase-file", passphraseFile.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.err(), r.toString());
        String publicKey = r.out().lines().filter(l -> l.startsWith("public key: ")).findFirst().orElseThrow()
                .substring("public key: ".length());
        assertEquals(33, Base64.getDecoder().decode(publicKey).length);

        r = InProcessCli.run("officer", "show", "--key", out.toString(), "--passphrase-file",
                passphraseFile.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("public key: " + publicKey + "\n", r.out(), r.toString());
    }

    @Test
    void keygenRefusesAnExistingFileAndAShortPassphrase() throws Exception {
        Path out = dir.resolve("officer.json");
        Files.writeString(out, "something precious");
        InProcessCli.Result r = InProcessCli.run("officer", "keygen", "--out", out.toString(),
                "--passphrase-file", passphraseFile.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("refusing to overwrite"), r.toString());
        assertEquals("something precious", Files.readString(out));

        Path shortPass = dir.resolve("short");
        Files.writeString(shortPass, "elevenchars\n");
        Path other = dir.resolve("other.json");
        r = InProcessCli.run("officer", "keygen", "--out", other.toString(), "--passphrase-file",
                shortPass.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("at least 12 characters"), r.toString());
        assertFalse(Files.exists(other));
    }

    @Test
    void showWithTheWrongPassphrasePrintsNothingButTheError() throws Exception {
        Path file = newFile(OfficerKeyPair.generate(random));
        Path wrong = dir.resolve("wrong");
        Files.writeString(wrong, "the wrong passphrase\n");
        InProcessCli.Result r = InProcessCli.run("officer", "show", "--key", file.toString(), "--passphrase-file",
                wrong.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("", r.out(), r.toString());
        assertTrue(r.err().startsWith("error: cannot decrypt key file"), r.toString());
        assertFalse(r.err().contains("\tat "), r.toString());
    }

    @Test
    void productionCostIsTheTrusteesOne() {
        assertEquals(1 << 17, savedCost);
    }

    static String flip(String b64) {
        byte[] bytes = Base64.getDecoder().decode(b64);
        bytes[bytes.length / 2] ^= 0x01;
        return Base64.getEncoder().encodeToString(bytes);
    }
}
