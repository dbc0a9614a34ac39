package org.heteronym.crypto.order;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.heteronym.testing.CourtPki;
import org.heteronym.testing.Fuzzing;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A court order's CMS signature is filed by a legal officer and re-checked by every auditor. Contract: a verified
 * order or {@link CourtOrderException} with a reason; never a Bouncy Castle or JCA exception escaping.
 */
@Tag("jazzer")
class CourtOrderFuzzTest {

    static final byte[] ORDER = "ORDONNANCE RG 26/01234: disclose the identity behind pseudonym 42.\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    static final CourtPki PARIS;
    static final List<CourtAnchor> ANCHORS;

    static {
        try {
            PARIS = CourtPki.create("Tribunal judiciaire de Paris");
            ANCHORS = List.of(new CourtAnchor("fr-tj-paris", List.of(PARIS.root())));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "3s")
    void signatures(FuzzedDataProvider data) {
        try {
            CourtOrderSignature.verify(data.consumeRemainingAsBytes(), CourtPki.sha256(ORDER), ANCHORS,
                    LocalDate.now(ZoneOffset.UTC), List.of());
        } catch (CourtOrderException refused) {
            // the documented refusal
        }
    }

    /** -Dfuzz.writeSeeds=true: keeps a valid signature (from the test court) as a seed. */
    @Test
    @EnabledIfSystemProperty(named = "fuzz.writeSeeds", matches = "true")
    void writeSeeds() throws Exception {
        Fuzzing.writeSeed(getClass(), "signatures", "valid-order", PARIS.sign(ORDER, PARIS.signer().build()));
    }
}
