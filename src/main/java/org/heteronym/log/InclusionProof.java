package org.heteronym.log;

import java.util.List;

/** An RFC 9162 inclusion proof of the leaf at {@code index} in the tree of {@code size}. */
public record InclusionProof(long index, long size, byte[] leafHash, List<byte[]> path) {
}
