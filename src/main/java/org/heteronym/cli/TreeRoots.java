package org.heteronym.cli;

/**
 * The root hash of the log's tree at a given size, as the auditor computed it from the entries itself (never as
 * the log claims it): what a share context's checkpoint root must be.
 */
@FunctionalInterface
public interface TreeRoots {

    /** The RFC 9162 root of entries {@code 0 .. size-1}; only asked for sizes the audit has already read. */
    byte[] rootAt(long size);
}
