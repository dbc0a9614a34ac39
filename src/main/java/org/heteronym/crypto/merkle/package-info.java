/**
 * RFC 9162 (Certificate Transparency 2.0) Merkle trees over SHA-256: hashing, the incremental right
 * frontier used by the sequencer, proof planning against stored perfect subtrees, and proof verification.
 *
 * <p>Everything here is pure computation: no I/O, no clocks, no framework types. The only dependency is the
 * JDK's SHA-256, so the same code runs inside the service and inside the offline {@code heteronym} tool.
 *
 * <p>Terminology follows RFC 9162 section 2.1: {@code MTH(D[n])} is the Merkle Tree Hash of the list of
 * entries {@code D[n]}, {@code PATH(m, D[n])} an inclusion proof and {@code PROOF(m, D[n])} a consistency
 * proof. A <em>perfect node</em> is the root of a complete subtree of {@code 2^level} leaves that starts at a
 * multiple of {@code 2^level}; it never changes once all its leaves exist, which is why the service can store
 * it permanently and build every proof from stored perfect nodes alone.
 */
package org.heteronym.crypto.merkle;
