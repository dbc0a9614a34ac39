package org.heteronym.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the development keys that the dev and test profiles name but that do not exist yet, so that the service
 * starts on a fresh machine with no hand configuration. Production never generates a key: there
 * {@code heteronym.dev-keys.generate} is false and a missing key file stops the service at start-up.
 */
@ApplicationScoped
public class DevKeys {

    private static final Logger LOG = Logger.getLogger(DevKeys.class);

    private final boolean generate;
    private final Optional<String> staffPublicKeyLocation;

    DevKeys(@ConfigProperty(name = "heteronym.dev-keys.generate") boolean generate,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> staffPublicKeyLocation) {
        this.generate = generate;
        this.staffPublicKeyLocation = staffPublicKeyLocation;
    }

    /** Runs before anything reads a key: SmallRye JWT loads the staff key lazily, at the first token it checks. */
    void onStart(@Observes @Priority(1) StartupEvent event) {
        staffPublicKeyLocation.filter(location -> location.endsWith(".public.pem"))
                .map(Path::of)
                .ifPresent(publicKey -> ensureEcP256(staffPrivateKeyFor(publicKey), publicKey));
    }

    /** The development staff identity provider's private key, beside its public key. */
    public static Path staffPrivateKeyFor(Path publicKey) {
        return publicKey.resolveSibling(publicKey.getFileName().toString().replace(".public.pem", ".private.pem"));
    }

    public boolean enabled() {
        return generate;
    }

    /** Makes an Ed25519 private key (PKCS#8 PEM) at {@code file} if generation is enabled and the file is absent. */
    public void ensureEd25519(Path file) {
        if (generate && Files.notExists(file)) {
            KeyPair pair = generate("Ed25519", null);
            writePem(file, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
            LOG.infof("Generated development key %s", file);
        }
    }

    /** Makes a P-256 key pair (PKCS#8 and SubjectPublicKeyInfo PEM) if generation is enabled and absent. */
    public void ensureEcP256(Path privateFile, Path publicFile) {
        if (generate && (Files.notExists(privateFile) || Files.notExists(publicFile))) {
            KeyPair pair = generate("EC", new ECGenParameterSpec("secp256r1"));
            writePem(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
            writePem(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded(), false);
            LOG.infof("Generated development key pair %s", privateFile);
        }
    }

    /** Makes a file holding 32 random bytes in base64 (a symmetric secret) if generation is enabled and absent. */
    public void ensureSecret(Path file) {
        if (generate && Files.notExists(file)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            writeAtomically(file, Base64.getEncoder().encodeToString(secret) + "\n", true);
            LOG.infof("Generated development secret %s", file);
        }
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (spec != null) {
                generator.initialize(spec);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a development key", e);
        }
    }

    static void writePem(Path file, String label, byte[] der, boolean secret) {
        String pem = "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
        writeAtomically(file, pem, secret);
    }

    private static void writeAtomically(Path file, String content, boolean secret) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".key", ".tmp");
            if (secret) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, content);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write development key " + file, e);
        }
    }
}
