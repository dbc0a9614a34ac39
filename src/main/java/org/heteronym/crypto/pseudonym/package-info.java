/**
 * The pairwise identity a forum sees: the pseudonym (OpenID Connect {@code sub}), the handle
 * ({@code preferred_username}, {@code name}) and the relay e-mail address, all derived from (member, forum) under a
 * key kept outside the database. See docs/forums.md, "Pairwise derivations".
 *
 * <p>Pure computation: no I/O, no clocks, no framework types, so the derivations can be checked offline against the
 * documented test vectors.
 *
 * <p>Only {@link org.heteronym.crypto.pseudonym.Pseudonym#derive} takes the member id and a key. The handle and the
 * relay address are public functions of the pseudonym alone: they tell a forum nothing its {@code sub} does not,
 * and they tell two forums nothing that links them.
 */
package org.heteronym.crypto.pseudonym;
