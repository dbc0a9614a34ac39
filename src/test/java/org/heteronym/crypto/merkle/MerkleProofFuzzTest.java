package org.heteronym.crypto.merkle;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;

/**
 * Inclusion and consistency proofs come from the log API and from mirrors, to the auditor and to the CLI. Contract:
 * they verify or throw {@link MerkleProofException}; indices, sizes and hashes of any length are outside data.
 */
@Tag("jazzer")
class MerkleProofFuzzTest {

    @FuzzTest(maxDuration = "3s")
    void proofs(FuzzedDataProvider data) {
        boolean inclusion = data.consumeBoolean();
        long a = data.consumeLong();
        long b = data.consumeLong();
        byte[] first = hash(data);
        byte[] second = hash(data);
        List<byte[]> path = new ArrayList<>();
        int length = data.consumeInt(0, 70);
        for (int i = 0; i < length && data.remainingBytes() > 0; i++) {
            path.add(hash(data));
        }
        try {
            if (inclusion) {
                InclusionProofs.verify(a, b, first, path, second);
            } else {
                ConsistencyProofs.verify(a, b, first, second, path);
            }
        } catch (MerkleProofException refused) {
            // the documented refusal
        }
    }

    /** Mostly 32 bytes, as a hash should be, sometimes not: a length is outside data too. */
    private static byte[] hash(FuzzedDataProvider data) {
        int length = data.consumeBoolean() ? MerkleHash.SIZE : data.consumeInt(0, 40);
        return data.consumeBytes(length);
    }
}
