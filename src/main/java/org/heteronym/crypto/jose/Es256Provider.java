package org.heteronym.crypto.jose;

import java.io.IOException;
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
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * A JCA provider with one service, {@code SHA256withECDSA} for {@link Es256PrivateKey} keys only, computed with Bouncy
 * Castle's P-256 arithmetic and deterministic nonces (RFC 6979): about half the CPU of the JDK's implementation per
 * signature, which is most of the cost of issuing an ID token.
 *
 * <p>Installed first in the provider list, it is chosen only where a caller asks for {@code SHA256withECDSA} without
 * naming a provider <em>and</em> initialises it with an {@code Es256PrivateKey} ({@link Service#supportsParameter});
 * every other key, and every verification, falls through to the next provider as if it were absent (and is handed
 * to the JDK where a caller has pinned this provider too early). That is how a
 * JOSE library we do not control (jose4j under SmallRye JWT) signs with it.
 */
public final class Es256Provider extends Provider {

    public static final String NAME = "HeteronymES256";

    private Es256Provider() {
        super(NAME, "1", "SHA256withECDSA for Es256PrivateKey (Bouncy Castle P-256, RFC 6979)");
        putService(new Service(this, "Signature", "SHA256withECDSA", Es256Signature.class.getName(), List.of(),
                Map.of()) {
            @Override
            public boolean supportsParameter(Object parameter) {
                return parameter instanceof Es256PrivateKey;
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

    /**
     * Signs for an {@code Es256PrivateKey}; the output is the DER {@code ECDSA-Sig-Value} that {@code SHA256withECDSA}
     * defines. A caller that fixes the provider before initialising (JCA does so on {@code getProvider()} or
     * {@code setParameter}) may hand it any other key: then the JDK's implementation does the work, so this provider
     * can never make a signature or a verification fail that would otherwise succeed.
     */
    static final class Es256Signature extends SignatureSpi {
        private final SHA256Digest digest = new SHA256Digest();
        private Es256PrivateKey key;
        private Signature jdk;

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
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
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            key = null;
            jdk = jdkSignature();
            jdk.initVerify(publicKey);
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
            if (jdk == null) {
                throw new SignatureException("not initialised for verification");
            }
            return jdk.verify(signature);
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
