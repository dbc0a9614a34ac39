package org.heteronym.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

    /** RFC 7636, Appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void rfc7636AppendixBVector() {
        assertEquals(CHALLENGE, Pkce.challengeOf(VERIFIER));
        assertTrue(Pkce.verify(VERIFIER, CHALLENGE));
    }

    @Test
    void refusesWrongMissingMalformedAndPlainVerifiers() {
        assertFalse(Pkce.verify(VERIFIER.replace('d', 'e'), CHALLENGE));
        assertFalse(Pkce.verify(null, CHALLENGE));
        assertFalse(Pkce.verify("short", Pkce.challengeOf("short")), "under 43 characters");
        assertFalse(Pkce.verify("a".repeat(129), Pkce.challengeOf("a".repeat(129))), "over 128 characters");
        assertFalse(Pkce.verify(VERIFIER + "+", Pkce.challengeOf(VERIFIER + "+")), "not an unreserved character");
        assertFalse(Pkce.verify(VERIFIER, VERIFIER), "the plain method: challenge = verifier");
        assertFalse(Pkce.verify(VERIFIER, null));
        assertFalse(Pkce.isChallenge(CHALLENGE + "="));
    }
}
