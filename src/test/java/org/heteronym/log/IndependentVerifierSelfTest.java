package org.heteronym.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.heteronym.testing.ExternalCommand;
import org.junit.jupiter.api.Test;

/**
 * The independent verifier that the end-to-end tests use as a second implementation must itself be right: its
 * self-test checks it against the RFC 6962 reference vectors, the signed-note examples and planted tampering.
 */
class IndependentVerifierSelfTest {

    @Test
    void independentVerifierPassesItsReferenceVectors() throws Exception {
        ExternalCommand result = ExternalCommand.run(List.of("node", "src/test/resources/independent-verifier/selftest.mjs"));
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.output().contains("selftest: all"), result.toString());
    }
}
