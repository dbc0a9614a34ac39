package org.heteronym.member;

import org.heteronym.credential.Profession;

/**
 * What a forum login needs to know of the signed-in member: whether they may log in, their profession (for the
 * forum's policy and, with consent, its {@code profession} claim) and their sealed identity (re-randomised into the
 * first pseudonym's envelope). Never shown or logged.
 */
public record LoginMember(String id, boolean active, Profession profession, byte[] sealedIdentity) {
}
