/**
 * What the trustee and the legal-officer commands share about their key files: the passphrase-encrypted file format
 * ({@link org.heteronym.cli.keyfile.SealedKeyFile}, scrypt + AES-256-GCM), where the passphrase comes from
 * ({@link org.heteronym.cli.keyfile.Passphrases}) and how a file holding a secret is written
 * ({@link org.heteronym.cli.keyfile.PrivateFiles}). Each kind of key file defines its own format name and plaintext.
 */
package org.heteronym.cli.keyfile;
