package org.heteronym.crypto.escrow;

import java.time.LocalDate;
import java.util.Optional;

/** TEST ONLY: sample records and contexts. */
final class Fixtures {
    private Fixtures() {}

    static IdentityRecord record() {
        return new IdentityRecord(
                "Ordre des médecins — Conseil départemental de Paris",
                "75-123456",
                "Dr. Zoë Ångström-Núñez",
                Optional.of(LocalDate.of(1979, 2, 28)),
                "Médecin généraliste",
                Hash32.sha256("scan of licence card".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                LocalDate.of(2025, 11, 3));
    }

    static IdentityRecord otherRecord() {
        return new IdentityRecord("GMC", "7654321", "Dr. A. N. Other", Optional.empty(), "Surgeon",
                Hash32.sha256(new byte[] {1, 2, 3}), LocalDate.of(2024, 1, 15));
    }

    /** A context for request entry 42, envelope entry 7, checkpoint of size 100. */
    static ShareContext context(Envelope env, int trustee, Point officerKey) {
        return new ShareContext(42, Hash32.sha256("request-42".getBytes()), 7, env.envelopeHash(), 100,
                Hash32.sha256("root-100".getBytes()), env.epochId(), trustee, officerKey);
    }
}
