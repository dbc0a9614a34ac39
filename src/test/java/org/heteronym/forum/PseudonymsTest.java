package org.heteronym.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.heteronym.crypto.pseudonym.Pseudonym;
import org.heteronym.crypto.pseudonym.PseudonymHandle;
import org.heteronym.crypto.pseudonym.PseudonymKeys;
import org.heteronym.crypto.pseudonym.RelayAddress;
import org.junit.jupiter.api.Test;

/** The service derives with the key from its configured secret file and addresses under its relay domain. */
@QuarkusTest
class PseudonymsTest {

    private static final String MEMBER = "AAECAwQFBgcICQoLDA0ODw";

    @Inject
    Pseudonyms pseudonyms;

    @Test
    void derivesWithTheConfiguredSecretAndRelayDomain() throws Exception {
        byte[] secret = Base64.getDecoder().decode(
                Files.readString(Path.of("target/test-keys/pseudonym-secret.test.b64")).strip());
        Pseudonym expected = Pseudonym.derive(PseudonymKeys.derive(secret).prfKey(), MEMBER, "medforum");
        Pseudonym derived = pseudonyms.pseudonym(MEMBER, "medforum");
        assertEquals(expected, derived);

        PairwiseIdentity identity = pseudonyms.identity(derived, 0);
        assertEquals(expected.subject(), identity.subject());
        assertEquals(PseudonymHandle.derive(expected, 0), identity.handle());
        assertEquals(RelayAddress.localPart(expected) + "@relay.heteronym.invalid", identity.email());
        assertNotEquals(identity.handle(), pseudonyms.identity(derived, 1).handle());
        assertEquals(identity.email(), pseudonyms.identity(derived, 1).email());

        PairwiseIdentity elsewhere = pseudonyms.identity(pseudonyms.pseudonym(MEMBER, "doctalk"), 0);
        assertNotEquals(identity.subject(), elsewhere.subject());
        assertNotEquals(identity.email(), elsewhere.email());
        assertTrue(elsewhere.email().endsWith("@relay.heteronym.invalid"));
    }
}
