package org.heteronym.log;

/** The newest checkpoint as the sequencer wrote it: size, root and the signed note served to everyone. */
public record StoredCheckpoint(long size, byte[] root, String note) {
}
