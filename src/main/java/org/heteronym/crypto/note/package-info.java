/**
 * C2SP signed notes (<a href="https://c2sp.org/signed-note">c2sp.org/signed-note</a>) with Ed25519 keys, and
 * transparency log checkpoints (<a href="https://c2sp.org/tlog-checkpoint">c2sp.org/tlog-checkpoint</a>).
 *
 * <p>Values that crossed a trust boundary have their own types that only the verifiers in this package can
 * construct: a {@link org.heteronym.crypto.note.VerifiedNote} or
 * {@link org.heteronym.crypto.note.VerifiedCheckpoint} in hand means its signature was checked against a key the
 * caller chose. Everything else (a parsed {@link org.heteronym.crypto.note.Checkpoint}, a note's text) is
 * unauthenticated until then.
 *
 * <p>Cryptography is Bouncy Castle's lightweight Ed25519 (RFC 8032, pure, no pre-hash, no context); PEM
 * private keys are unencrypted PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}, RFC 8410), the format of
 * {@code openssl genpkey -algorithm ed25519} and of the JDK's {@code KeyFactory}.
 */
package org.heteronym.crypto.note;
