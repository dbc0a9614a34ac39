package org.heteronym.member;

/**
 * What enrollment keeps of verified evidence: the profession, who vouched, the duplicate tag, the identity sealed
 * under an epoch, and the encrypted status handle. No field names the person.
 */
record SealedEvidence(String profession, String authority, String evidenceKind, byte[] duplicateTag, String epochId,
                      byte[] envelope, byte[] statusHandle) {
}
