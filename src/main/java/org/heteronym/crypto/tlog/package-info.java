/**
 * The static-asset API of C2SP tiled transparency logs (<a href="https://c2sp.org/tlog-tiles">c2sp.org/tlog-tiles</a>):
 * tile and entry bundle paths, entry bundle encoding, and the mapping between tiles and Merkle tree nodes.
 *
 * <p>Tiles have height 8: a tile at level {@code L} holds up to 256 consecutive hashes of tree nodes at level
 * {@code 8L} ({@link org.heteronym.crypto.merkle.NodeId}), so level-0 tiles hold leaf hashes. A full tile has 256
 * hashes; the rightmost tile of each level is usually partial ({@code .p/<W>}, 1 &le; W &le; 255).
 */
package org.heteronym.crypto.tlog;
