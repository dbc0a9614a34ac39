package org.heteronym.forum;

import java.util.Objects;

/** A client secret just generated: the plaintext, shown to the operator once, and the digest that is stored. */
record IssuedSecret(String secret, SecretDigest digest) {

    IssuedSecret {
        Objects.requireNonNull(secret);
        Objects.requireNonNull(digest);
    }

    @Override
    public String toString() {
        return "IssuedSecret[redacted]";
    }
}
