package org.heteronym.crypto.jose;

import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECParameterSpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;

/**
 * A P-256 private key that {@link Es256Provider} signs with. It is an ordinary {@link ECPrivateKey} (any provider and
 * any JOSE library accept it) carrying, beside the JDK key it wraps, the key in Bouncy Castle's form on Bouncy
 * Castle's specialised secp256r1 curve, so a signature needs no conversion.
 */
public final class Es256PrivateKey implements ECPrivateKey {

    private static final X9ECParameters SECP256R1 = CustomNamedCurves.getByName("secp256r1");
    static final ECDomainParameters DOMAIN = new ECDomainParameters(SECP256R1.getCurve(), SECP256R1.getG(),
            SECP256R1.getN(), SECP256R1.getH());

    private final ECPrivateKey key;
    private final transient ECPrivateKeyParameters parameters;

    /** @throws IllegalArgumentException unless {@code key} is on P-256 */
    public Es256PrivateKey(ECPrivateKey key) {
        if (!Es256Provider.isP256(key.getParams())) {
            throw new IllegalArgumentException("not a P-256 key");
        }
        this.key = key;
        this.parameters = new ECPrivateKeyParameters(key.getS(), DOMAIN);
    }

    ECPrivateKeyParameters parameters() {
        return parameters;
    }

    @Override
    public BigInteger getS() {
        return key.getS();
    }

    @Override
    public ECParameterSpec getParams() {
        return key.getParams();
    }

    @Override
    public String getAlgorithm() {
        return key.getAlgorithm();
    }

    @Override
    public String getFormat() {
        return key.getFormat();
    }

    @Override
    public byte[] getEncoded() {
        return key.getEncoded();
    }

    @Override
    public String toString() {
        return "Es256PrivateKey";
    }
}
