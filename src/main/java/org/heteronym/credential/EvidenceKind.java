package org.heteronym.credential;

/** Where a credential came from, which decides how the licence monitor re-checks it. */
public enum EvidenceKind {
    /** A CMS signature by a health-professional X.509 certificate; re-checked by CRL and OCSP. */
    X509_SIGNATURE,
    /** A licensing authority's signed attestation (SD-JWT VC or JWS); re-checked through its status list. */
    AUTHORITY_ATTESTATION
}
