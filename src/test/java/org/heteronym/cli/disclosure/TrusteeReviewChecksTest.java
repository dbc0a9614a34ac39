package org.heteronym.cli.disclosure;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.heteronym.crypto.escrow.Hash32;
import org.junit.jupiter.api.Test;

/** The trustee's checks: what the service shows must be what the log holds, or nothing is approved. */
class TrusteeReviewChecksTest {

    private final DisclosureLogFixture f = new DisclosureLogFixture();

    @Test
    void aConsistentRequestPasses() {
        assertDoesNotThrow(() -> TrusteeChecks.check(f.view(), f.filed(), f.envelopeEntry(), f.order));
    }

    @Test
    void aTargetThatDoesNotMatchTheBindingIsRefused() throws Exception {
        // The service shows another pseudonym: the logged target digest and the envelope binding both disagree.
        var e = assertThrows(DisclosureCheckException.class, () -> TrusteeChecks.check(
                f.view(f.forum, "someone-else", Hash32.sha256(f.order)), f.filed(), f.envelopeEntry(), f.order));
        assertTrue(e.getMessage().contains("target_sha256"), e.getMessage());
        // Even with a filed entry whose target matches what is shown, the binding gives it away.
        var view = f.view(f.forum, "someone-else", Hash32.sha256(f.order));
        var filed = LoggedEntries.filed(DisclosureLogFixture.REQUEST_INDEX, f.filedEntry(
                org.heteronym.crypto.escrow.DisclosureStatements.targetDigest(f.forum, "someone-else", f.posts,
                        f.reasons).toHex()));
        var binding = assertThrows(DisclosureCheckException.class,
                () -> TrusteeChecks.check(view, filed, f.envelopeEntry(), f.order));
        assertTrue(binding.getMessage().contains("binding"), binding.getMessage());
    }

    @Test
    void anEnvelopeWhoseHashDiffersIsRefused() throws Exception {
        var other = LoggedEntries.envelope(DisclosureLogFixture.ENVELOPE_INDEX,
                f.envelopeEntry(Hash32.sha256("another envelope".getBytes(StandardCharsets.UTF_8))));
        var e = assertThrows(DisclosureCheckException.class,
                () -> TrusteeChecks.check(f.view(), f.filed(), other, f.order));
        assertTrue(e.getMessage().contains("envelope_hash"), e.getMessage());
    }

    @Test
    void anOrderWhoseDigestDiffersIsRefused() throws Exception {
        byte[] forged = "ORDER: disclose everyone".getBytes(StandardCharsets.UTF_8);
        var e = assertThrows(DisclosureCheckException.class,
                () -> TrusteeChecks.check(f.view(), f.filed(), f.envelopeEntry(), forged));
        assertTrue(e.getMessage().contains("order document"), e.getMessage());
        // A service that states the forged document's digest is caught by the logged digest.
        var lying = f.view(f.forum, f.pseudonym, Hash32.sha256(forged));
        var logged = assertThrows(DisclosureCheckException.class,
                () -> TrusteeChecks.check(lying, f.filed(), f.envelopeEntry(), forged));
        assertTrue(logged.getMessage().contains("logged order digest"), logged.getMessage());
    }
}
