package org.heteronym.crypto.escrow.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.heteronym.crypto.escrow.EscrowException;
import org.junit.jupiter.api.Tag;

/**
 * DKG transcripts (with every Round 1 and Round 2 message inside), equivocation evidence and trustees' secret key
 * encodings come from trustees, the coordinator and the log. Contract: a value or an {@link EscrowException}
 * (MalformedEncoding or DkgAbort), and decoded transcripts and evidence re-encode to their bytes.
 */
@Tag("jazzer")
class DkgFuzzTest {

    @FuzzTest(maxDuration = "3s")
    void messages(FuzzedDataProvider data) {
        int what = data.consumeInt(0, 2);
        byte[] enc = data.consumeRemainingAsBytes();
        try {
            switch (what) {
                case 0 -> {
                    DkgTranscript transcript = DkgTranscript.decode(enc);
                    assertArrayEquals(enc, transcript.encode());
                    TranscriptVerifier.verify(transcript);
                }
                case 1 -> assertArrayEquals(enc, EquivocationEvidence.decode(enc).encode());
                default -> StaticKeyPair.decodeSecret(enc);
            }
        } catch (EscrowException refused) {
            // the documented refusal
        }
    }
}
