package org.heteronym.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The root of the log's tree at every size the replay has passed, recorded as the replay computes them: a share
 * context names a checkpoint by size and root, and the auditor checks it against its own tree, not the log's word.
 * 32 bytes a size, in pages, so that a log of a million entries costs 32 MB and no per-entry object.
 */
final class RootHistory implements TreeRoots {

    private static final int PAGE_ROOTS = 4096;
    private static final int HASH = 32;

    private final List<byte[]> pages = new ArrayList<>();
    private long size;

    /** Records the root of the tree of size {@link #size()} + 1. */
    void add(byte[] root) {
        if (root.length != HASH) {
            throw new IllegalArgumentException("a root is 32 bytes");
        }
        int offset = (int) (size % PAGE_ROOTS) * HASH;
        if (offset == 0) {
            pages.add(new byte[PAGE_ROOTS * HASH]);
        }
        System.arraycopy(root, 0, pages.get(pages.size() - 1), offset, HASH);
        size++;
    }

    /** The largest size recorded. */
    long size() {
        return size;
    }

    @Override
    public byte[] rootAt(long treeSize) {
        if (treeSize < 1 || treeSize > size) {
            throw new IllegalArgumentException("no root recorded for size " + treeSize + " (recorded 1.." + size + ")");
        }
        long position = treeSize - 1;
        byte[] root = new byte[HASH];
        System.arraycopy(pages.get((int) (position / PAGE_ROOTS)), (int) (position % PAGE_ROOTS) * HASH, root, 0, HASH);
        return root;
    }
}
