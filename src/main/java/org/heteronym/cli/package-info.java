/**
 * The offline {@code heteronym} command-line tool. It is shipped as {@code heteronym-cli.jar} together with
 * {@code org.heteronym.crypto}, picocli, Bouncy Castle, Jackson and the JSON canonicalizer, and nothing else:
 * code here must not import Quarkus, Jakarta, Vert.x or JDBC types.
 *
 * <p>The {@code audit} group lets anyone check the public transparency log with nothing but the log's
 * verifier key: {@link org.heteronym.cli.AuditCommand}; {@link org.heteronym.cli.DisclosureAudit} checks the
 * court-ordered disclosures it records (docs/disclosure.md §7). The {@code trustee} group
 * ({@link org.heteronym.cli.trustee}) is the escrow trustee's key file and key-ceremony client; the {@code officer}
 * group ({@link org.heteronym.cli.officer}) the legal officer's key file. Both files are
 * {@link org.heteronym.cli.keyfile.SealedKeyFile}s.
 */
package org.heteronym.cli;
