/**
 * {@code heteronym officer}: the legal officer's key file ({@link org.heteronym.cli.officer.OfficerKeyFile}, format
 * {@code heteronym-officer-key/v1}, the same scrypt + AES-256-GCM file as the trustee's,
 * {@link org.heteronym.cli.keyfile.SealedKeyFile}) and the {@code keygen} and {@code show} commands. Like the rest
 * of the cli, code here uses only the JDK, {@code org.heteronym.crypto}, picocli, Bouncy Castle and Jackson.
 */
package org.heteronym.cli.officer;
