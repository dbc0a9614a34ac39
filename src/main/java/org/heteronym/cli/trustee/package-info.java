/**
 * {@code heteronym trustee}: the escrow trustee's side of the distributed key generation (docs/escrow-protocol.md
 * §21). {@link org.heteronym.cli.trustee.TrusteeKeyFile} is the passphrase-encrypted key file holding the static
 * key d_i and the epoch shares x_i; {@code keygen}, {@code ceremony} and {@code show} are the commands;
 * {@link org.heteronym.cli.trustee.TrusteeShares} makes decryption shares from a stored epoch share.
 *
 * <p>Like the rest of the cli, code here uses only the JDK, {@code org.heteronym.crypto}, picocli, Bouncy Castle
 * and Jackson. The service is untrusted: every ceremony message is verified locally.
 */
package org.heteronym.cli.trustee;
