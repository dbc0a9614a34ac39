package org.heteronym.log;

import java.util.List;

/** An RFC 9162 consistency proof between the trees of {@code oldSize} and {@code newSize}. */
public record ConsistencyProof(long oldSize, long newSize, List<byte[]> path) {
}
