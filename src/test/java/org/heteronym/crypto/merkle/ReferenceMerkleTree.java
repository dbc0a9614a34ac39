package org.heteronym.crypto.merkle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test oracle: MTH, PATH and PROOF computed literally by the recursive definitions of RFC 9162 sections
 * 2.1.1, 2.1.3.1 and 2.1.4.1 over a list of leaf hashes. Subtree hashes are memoised by range so that the
 * randomised tests can afford thousands of proofs; memoisation does not change what is computed.
 */
final class ReferenceMerkleTree {

    private final List<byte[]> leafHashes = new ArrayList<>();
    private final Map<Long, byte[]> subtreeHashes = new HashMap<>();

    void appendLeafHash(byte[] leafHash) {
        leafHashes.add(leafHash.clone());
    }

    int size() {
        return leafHashes.size();
    }

    byte[] leafHash(int index) {
        return leafHashes.get(index).clone();
    }

    /** MTH(D[0:n]). */
    byte[] mth(int n) {
        return mth(0, n);
    }

    /** MTH(D[begin:end]) by RFC 9162 section 2.1.1. */
    byte[] mth(int begin, int end) {
        int n = end - begin;
        if (n == 0) {
            return MerkleHash.emptyRoot();
        }
        if (n == 1) {
            return leafHashes.get(begin).clone();
        }
        long key = ((long) begin << 32) | end;
        byte[] cached = subtreeHashes.get(key);
        if (cached != null) {
            return cached.clone();
        }
        int k = largestPowerOfTwoBelow(n);
        byte[] hash = MerkleHash.nodeHash(mth(begin, begin + k), mth(begin + k, end));
        subtreeHashes.put(key, hash);
        return hash.clone();
    }

    /** PATH(m, D[0:n]) by RFC 9162 section 2.1.3.1. */
    List<byte[]> path(int m, int n) {
        List<byte[]> out = new ArrayList<>();
        path(m, 0, n, out);
        return out;
    }

    private void path(int m, int begin, int end, List<byte[]> out) {
        int n = end - begin;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, begin, begin + k, out);
            out.add(mth(begin + k, end));
        } else {
            path(m - k, begin + k, end, out);
            out.add(mth(begin, begin + k));
        }
    }

    /** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true) by RFC 9162 section 2.1.4.1. */
    List<byte[]> proof(int m, int n) {
        List<byte[]> out = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(m, 0, n, true, out);
        }
        return out;
    }

    private void subproof(int m, int begin, int end, boolean b, List<byte[]> out) {
        int n = end - begin;
        if (m == n) {
            if (!b) {
                out.add(mth(begin, end));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, begin, begin + k, b, out);
            out.add(mth(begin + k, end));
        } else {
            subproof(m - k, begin + k, end, false, out);
            out.add(mth(begin, begin + k));
        }
    }

    /** The largest power of two strictly smaller than n, for n > 1. */
    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }
}
