package org.heteronym.oidc;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.config.DevKeys;
import org.heteronym.crypto.jose.Es256Provider;

/**
 * The OpenID provider's ID-token signing keys, read at start-up from the PKCS#8 PEM files listed in
 * {@code heteronym.oidc.signing-key-files}. The first key signs; every listed key is published in the JWKS.
 *
 * <p>Rotation with overlap: add the new key's file at the end of the list (published, not yet signing), wait longer
 * than forums cache the JWKS, move it to the front (it signs), and remove the old one once tokens it signed have
 * expired. A forum therefore never receives a token whose key it cannot find.
 *
 * <p>Created at start-up: a key file that does not load stops the service at once, and the ES256 provider it installs
 * also verifies the passkey assertions that precede the first token.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");

    private final List<SigningKey> keys;

    SigningKeys(@ConfigProperty(name = "heteronym.oidc.signing-key-files") List<Path> files, DevKeys devKeys) {
        Es256Provider.install();
        List<SigningKey> loaded = new ArrayList<>();
        for (Path file : files) {
            devKeys.ensureEcP256(file, publicKeyFile(file));
            loaded.add(read(file));
        }
        if (loaded.stream().map(SigningKey::kid).distinct().count() != loaded.size()) {
            throw new IllegalStateException("heteronym.oidc.signing-key-files lists the same key twice");
        }
        this.keys = List.copyOf(loaded);
    }

    /** The key that signs new tokens. */
    public SigningKey current() {
        return keys.getFirst();
    }

    /** Every published key: a token signed by any of them verifies (rotation with overlap). */
    public List<SigningKey> all() {
        return keys;
    }

    /** The JWK Set document of every published key. */
    public Map<String, Object> jwks() {
        return Map.of("keys", keys.stream().map(SigningKey::publicJwk).toList());
    }

    /** Where {@link DevKeys} puts the public half of a development key (only the private file is read). */
    static Path publicKeyFile(Path privateKeyFile) {
        return privateKeyFile.resolveSibling(privateKeyFile.getFileName() + ".public.pem");
    }

    private static SigningKey read(Path file) {
        try {
            KeyFactory ec = KeyFactory.getInstance("EC");
            PrivateKey key = ec.generatePrivate(new PKCS8EncodedKeySpec(pem(file, "PRIVATE KEY")));
            if (!(key instanceof ECPrivateKey privateKey) || !P256.getN().equals(privateKey.getParams().getOrder())) {
                throw new IllegalStateException(file + " is not a P-256 private key");
            }
            // the public key is derived, so production mounts one file only
            ECPoint q = new FixedPointCombMultiplier().multiply(P256.getG(), privateKey.getS()).normalize();
            ECPublicKey publicKey = (ECPublicKey) ec.generatePublic(new ECPublicKeySpec(new java.security.spec.ECPoint(
                    q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()), privateKey.getParams()));
            return SigningKey.of(privateKey, publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the ID-token signing key " + file, e);
        }
    }

    private static byte[] pem(Path file, String label) {
        try {
            String text = Files.readString(file);
            String begin = "-----BEGIN " + label + "-----";
            String end = "-----END " + label + "-----";
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            if (from < 0 || to < from) {
                throw new IllegalArgumentException(file + " holds no " + label + " PEM block");
            }
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
