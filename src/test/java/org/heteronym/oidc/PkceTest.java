package org.heteronym.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PkceTest {

    /** RFC 7636, Appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void rfc7636AppendixBVector() {
        assertEquals(CHALLENGE, Pkce.challengeOf(VERIFIER));
        assertEquals(Optional.of(CHALLENGE), Pkce.challengeFor(VERIFIER));
        assertTrue(Pkce.isChallenge(CHALLENGE));
    }

    @Test
    void refusesWrongMissingMalformedAndPlainVerifiers() {
        assertNotEquals(Optional.of(CHALLENGE), Pkce.challengeFor(VERIFIER.replace('d', 'e')));
        assertEquals(Optional.empty(), Pkce.challengeFor(null));
        assertEquals(Optional.empty(), Pkce.challengeFor("short"), "under 43 characters");
        assertEquals(Optional.empty(), Pkce.challengeFor("a".repeat(129)), "over 128 characters");
        assertEquals(Optional.empty(), Pkce.challengeFor(VERIFIER + "+"), "not an unreserved character");
        assertNotEquals(Optional.of(VERIFIER), Pkce.challengeFor(VERIFIER), "the plain method: challenge = verifier");
        assertFalse(Pkce.isChallenge(CHALLENGE + "="));
        assertFalse(Pkce.isChallenge(null));
    }
}
