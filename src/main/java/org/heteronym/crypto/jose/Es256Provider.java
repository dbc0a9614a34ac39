package org.heteronym.crypto.jose;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECCurve;

/**
 * A JCA provider with one service, {@code SHA256withECDSA}, computed with Bouncy Castle's specialised P-256
 * arithmetic: signing for {@link Es256PrivateKey} keys only, with deterministic nonces (RFC 6979), about half the CPU
 * of the JDK's implementation per signature; verification for any P-256 public key, about a third of the JDK's
 * (ADR 0011): a passkey assertion and a client assertion are each one such verification.
 *
 * <p>Installed first in the provider list, it is chosen only where a caller asks for {@code SHA256withECDSA} without
 * naming a provider <em>and</em> initialises it with one of those keys ({@link Service#supportsParameter}); every other
 * key falls through to the next provider as if this one were absent (and is handed to the JDK where a caller has
 * pinned this provider too early). That is how libraries we do not control (jose4j under SmallRye JWT, webauthn4j
 * under Quarkus WebAuthn) sign and verify with it.
 */
public final class Es256Provider extends Provider {

    public static final String NAME = "HeteronymES256";

    private Es256Provider() {
        super(NAME, "1", "SHA256withECDSA for Es256PrivateKey (Bouncy Castle P-256, RFC 6979)");
        putService(new Service(this, "Signature", "SHA256withECDSA", Es256Signature.class.getName(), List.of(),
                Map.of()) {
            @Override
            public boolean supportsParameter(Object parameter) {
                return parameter instanceof Es256PrivateKey
                        || parameter instanceof ECPublicKey publicKey && isP256(publicKey.getParams());
            }

            @Override
            public Object newInstance(Object constructorParameter) {
                return new Es256Signature();
            }
        });
    }

    /**
     * Puts the provider first in the JVM's list, once per class loader: one installed from another loader (dev-mode
     * reload, tests) would not recognise this loader's keys, so it is replaced. Keys it does not recognise are still
     * signed correctly, by the next provider.
     */
    public static synchronized void install() {
        Provider installed = Security.getProvider(NAME);
        if (installed != null && installed.getClass() != Es256Provider.class) {
            Security.removeProvider(NAME);
            installed = null;
        }
        if (installed == null) {
            Security.insertProviderAt(new Es256Provider(), 1);
        }
    }

    private static final ECCurve CURVE = Es256PrivateKey.DOMAIN.getCurve();
    private static final BigInteger P = CURVE.getField().getCharacteristic();
    private static final BigInteger A = CURVE.getA().toBigInteger();
    private static final BigInteger B = CURVE.getB().toBigInteger();
    private static final BigInteger GX = Es256PrivateKey.DOMAIN.getG().getAffineXCoord().toBigInteger();
    private static final BigInteger GY = Es256PrivateKey.DOMAIN.getG().getAffineYCoord().toBigInteger();

    /**
     * The curve's every parameter, compared by value: keys from any provider carry their own parameter objects.
     * Asked twice per verification (provider selection, then initialisation), hence the constants.
     */
    static boolean isP256(ECParameterSpec params) {
        return params != null
                && params.getCofactor() == 1
                && params.getOrder().equals(Es256PrivateKey.DOMAIN.getN())
                && params.getCurve().getField() instanceof ECFieldFp field
                && field.getP().equals(P)
                && params.getCurve().getA().equals(A)
                && params.getCurve().getB().equals(B)
                && params.getGenerator().getAffineX().equals(GX)
                && params.getGenerator().getAffineY().equals(GY);
    }

    /**
     * Signs for an {@code Es256PrivateKey} and verifies for a P-256 public key; the signature is the DER
     * {@code ECDSA-Sig-Value} that {@code SHA256withECDSA} defines, and one that is not strict DER, or whose r or s
     * is negative or not below the group order, is refused with a {@link SignatureException}, as the JDK refuses
     * malformed encodings. A caller that fixes the provider before initialising (JCA does so on {@code getProvider()} or
     * {@code setParameter}) may hand it any other key: then the JDK's implementation does the work, so this provider
     * can never make a signature or a verification fail that would otherwise succeed.
     */
    static final class Es256Signature extends SignatureSpi {
        private final SHA256Digest digest = new SHA256Digest();
        private Es256PrivateKey key;
        private ECPublicKeyParameters publicKey;
        private Signature jdk;

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            publicKey = null;
            if (privateKey instanceof Es256PrivateKey es256) {
                key = es256;
                jdk = null;
                digest.reset();
            } else {
                key = null;
                jdk = jdkSignature();
                jdk.initSign(privateKey);
            }
        }

        @Override
        protected void engineInitVerify(PublicKey verificationKey) throws InvalidKeyException {
            key = null;
            if (verificationKey instanceof ECPublicKey ec && isP256(ec.getParams())) {
                publicKey = bouncyCastleKey(ec);
                jdk = null;
                digest.reset();
            } else {
                publicKey = null;
                jdk = jdkSignature();
                jdk.initVerify(verificationKey);
            }
        }

        /** The point checked to lie on the curve (not the identity), as the JDK's key factory also checks. */
        private static ECPublicKeyParameters bouncyCastleKey(ECPublicKey key) throws InvalidKeyException {
            try {
                return new ECPublicKeyParameters(CURVE.validatePoint(
                        key.getW().getAffineX(), key.getW().getAffineY()), Es256PrivateKey.DOMAIN);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidKeyException("not a point of P-256", e);
            }
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            if (jdk != null) {
                jdk.update(b);
            } else {
                digest.update(b);
            }
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
            if (jdk != null) {
                jdk.update(b, off, len);
            } else {
                digest.update(b, off, len);
            }
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            if (jdk != null) {
                return jdk.sign();
            }
            if (key == null) {
                throw new SignatureException("not initialised for signing");
            }
            byte[] hash = new byte[digest.getDigestSize()];
            digest.doFinal(hash, 0);
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            signer.init(true, key.parameters());
            var rs = signer.generateSignature(hash);
            try {
                return new DERSequence(new ASN1Integer[] {new ASN1Integer(rs[0]), new ASN1Integer(rs[1])}).getEncoded();
            } catch (IOException e) {
                throw new SignatureException(e);
            }
        }

        @Override
        protected boolean engineVerify(byte[] signature) throws SignatureException {
            if (jdk != null) {
                return jdk.verify(signature);
            }
            if (publicKey == null) {
                throw new SignatureException("not initialised for verification");
            }
            byte[] hash = new byte[digest.getDigestSize()];
            digest.doFinal(hash, 0);
            BigInteger[] rs;
            try {
                rs = StandardDSAEncoding.INSTANCE.decode(publicKey.getParameters().getN(), signature);
            } catch (IOException | RuntimeException e) {
                // Bouncy Castle's parser throws a NullPointerException on an empty array and other runtime exceptions
                // on some malformed ones; all of them mean the same to the caller
                throw new SignatureException("not a DER ECDSA signature with r and s below the group order", e);
            }
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, publicKey);
            return verifier.verifySignature(hash, rs[0], rs[1]);
        }

        private static Signature jdkSignature() throws InvalidKeyException {
            try {
                return Signature.getInstance("SHA256withECDSA", "SunEC");
            } catch (GeneralSecurityException e) {
                throw new InvalidKeyException("no JDK ECDSA implementation to hand this key to", e);
            }
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new InvalidParameterException("no parameters");
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new InvalidParameterException("no parameters");
        }
    }
}
