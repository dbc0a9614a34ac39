package org.heteronym.credential;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * Verifies a CMS (PKCS#7) signature made with a health-professional certificate over a challenge this service gave,
 * and reads the member's credential from the signing certificate.
 *
 * <p>Checks, in order, each failing with its own {@link RefusalReason}: size (TOO_LARGE), CMS parsing and structure —
 * exactly one SignerInfo, its certificate present in the CMS (MALFORMED), signed content equal to the challenge
 * (WRONG_CHALLENGE), the signature and its signed attributes (BAD_SIGNATURE), a PKIX path from the signer to one of
 * the trust anchors using only the CMS's certificates as intermediates (UNKNOWN_ISSUER), validity of every certificate
 * of the path at {@code now} (EXPIRED, NOT_YET_VALID), the leaf's keyUsage, which must allow
 * digitalSignature or nonRepudiation, and the leaf not being a CA (WRONG_KEY_USAGE), the leaf's revocation
 * status (REVOKED, STATUS_UNAVAILABLE — anything but a fresh GOOD is refused), then the anchor's identity rules
 * (NO_PROFESSION, also used when the subject lacks a single licence number or a name). Revocation of intermediate
 * CAs is not checked here. A detached signature is verified with the challenge as content, and a message-digest
 * mismatch there is reported as WRONG_CHALLENGE.
 *
 * <p>Thread-safe; network access happens only in the {@link RevocationChecker}, and only for certificates that
 * already chain to a trusted anchor.
 */
public final class CmsCredentialVerifier {

    /** Largest CMS accepted: a signature with a three-certificate chain is a few KiB. */
    public static final int MAX_CMS_BYTES = 64 * 1024;

    private static final Provider BC = new BouncyCastleProvider();

    private final List<X509TrustAnchor> anchors;
    private final RevocationChecker revocation;

    public CmsCredentialVerifier(List<X509TrustAnchor> anchors, RevocationChecker revocation) {
        this.anchors = List.copyOf(anchors);
        this.revocation = Objects.requireNonNull(revocation);
    }

    /**
     * @param cmsSignedData     the CMS SignedData as submitted (DER/BER), with the challenge encapsulated or detached
     * @param expectedChallenge the exact bytes the member was asked to sign
     * @param now               the instant of verification
     * @throws CredentialRefusal with the reason the evidence is refused
     */
    public VerifiedCredential verify(byte[] cmsSignedData, byte[] expectedChallenge, Instant now)
            throws CredentialRefusal {
        Objects.requireNonNull(expectedChallenge, "expectedChallenge");
        Objects.requireNonNull(now, "now");
        if (expectedChallenge.length == 0) {
            throw new IllegalArgumentException("empty challenge");
        }
        if (cmsSignedData == null || cmsSignedData.length == 0) {
            throw new CredentialRefusal(RefusalReason.MALFORMED, "empty input");
        }
        if (cmsSignedData.length > MAX_CMS_BYTES) {
            throw new CredentialRefusal(RefusalReason.TOO_LARGE, cmsSignedData.length + " bytes");
        }

        // Parse
        CMSSignedData signed;
        boolean detached;
        try {
            signed = new CMSSignedData(cmsSignedData);
            detached = signed.getSignedContent() == null;
            if (detached) {
                signed = new CMSSignedData(new CMSProcessableByteArray(expectedChallenge), cmsSignedData);
            }
        } catch (CMSException | RuntimeException e) {
            throw new CredentialRefusal(RefusalReason.MALFORMED, "not a CMS SignedData: " + e.getMessage());
        }

        SignerInformation signer;
        X509CertificateHolder signerHolder;
        List<X509Certificate> cmsCerts = new ArrayList<>();
        try {
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new CredentialRefusal(RefusalReason.MALFORMED, signers.size() + " signers, expected exactly one");
            }
            signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches =
                    signed.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
            if (matches.size() != 1) {
                throw new CredentialRefusal(RefusalReason.MALFORMED,
                        matches.size() + " certificates match the signer, expected exactly one");
            }
            signerHolder = matches.iterator().next();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            for (X509CertificateHolder h : signed.getCertificates().getMatches(null)) {
                cmsCerts.add(converter.getCertificate(h));
            }
        } catch (CertificateException | RuntimeException e) {
            throw new CredentialRefusal(RefusalReason.MALFORMED, "unreadable signer or certificates: " + e.getMessage());
        }

        // Content
        if (!detached) {
            Object content = signed.getSignedContent().getContent();
            if (!(content instanceof byte[] bytes) || !MessageDigest.isEqual(bytes, expectedChallenge)) {
                throw new CredentialRefusal(RefusalReason.WRONG_CHALLENGE, "encapsulated content is not the challenge");
            }
        }

        // Signature (verified against the public key only: validity is checked at `now` below, not at signingTime)
        X509Certificate leaf;
        try {
            leaf = new JcaX509CertificateConverter().getCertificate(signerHolder);
            boolean ok = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(leaf.getPublicKey()));
            if (!ok) {
                throw new CredentialRefusal(RefusalReason.BAD_SIGNATURE, "signature does not verify");
            }
        } catch (CMSSignerDigestMismatchException e) {
            throw new CredentialRefusal(detached ? RefusalReason.WRONG_CHALLENGE : RefusalReason.BAD_SIGNATURE,
                    "message-digest mismatch");
        } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException e) {
            throw new CredentialRefusal(RefusalReason.BAD_SIGNATURE, "signature does not verify: " + e.getMessage());
        }

        // Path
        Path path = buildPath(leaf, cmsCerts, now);

        // Validity of every certificate, leaf first
        List<X509Certificate> all = new ArrayList<>(path.certs());
        all.add(path.root());
        Date at = Date.from(now);
        for (X509Certificate c : all) {
            try {
                c.checkValidity(at);
            } catch (CertificateExpiredException e) {
                throw new CredentialRefusal(RefusalReason.EXPIRED, "expired: " + c.getSubjectX500Principal());
            } catch (CertificateNotYetValidException e) {
                throw new CredentialRefusal(RefusalReason.NOT_YET_VALID, "not yet valid: " + c.getSubjectX500Principal());
            }
        }

        // Key usage
        boolean[] ku = leaf.getKeyUsage();
        if (ku == null || !(ku[0] || (ku.length > 1 && ku[1]))) {
            throw new CredentialRefusal(RefusalReason.WRONG_KEY_USAGE,
                    "leaf keyUsage has neither digitalSignature nor nonRepudiation");
        }
        if (leaf.getBasicConstraints() != -1) {
            throw new CredentialRefusal(RefusalReason.WRONG_KEY_USAGE, "leaf is a CA certificate");
        }

        // Revocation of the leaf, and what the licence monitor needs to repeat the check without the leaf
        X509Certificate issuer = path.certs().size() > 1 ? path.certs().get(1) : path.root();
        LicenceStatusHandle.CertificateStatus handle;
        try {
            handle = LicenceStatusHandle.CertificateStatus.forLeaf(path.anchor().id(), issuer, leaf);
        } catch (GeneralSecurityException | RuntimeException e) {
            // e.g. an issuer certificate or serial beyond the handle's bounds: enrolling a licence that can
            // never be re-checked is refused like any other unknown status
            throw new CredentialRefusal(RefusalReason.STATUS_UNAVAILABLE, "no re-checkable status handle");
        }
        RevocationChecker.Status status;
        try {
            status = revocation.check(leaf, issuer, now);
        } catch (RuntimeException e) {
            status = RevocationChecker.Status.UNAVAILABLE;
        }
        switch (status) {
            case GOOD -> { }
            case REVOKED -> throw new CredentialRefusal(RefusalReason.REVOKED, "leaf is revoked");
            default -> throw new CredentialRefusal(RefusalReason.STATUS_UNAVAILABLE, "revocation status " + status);
        }

        // Identity
        X509TrustAnchor anchor = path.anchor();
        CertificateIdentity identity = CertificateIdentity.read(leaf, anchor);

        return new VerifiedCredential(EvidenceKind.X509_SIGNATURE, anchor.id(), identity.licenceNumber(),
                identity.profession(), identity.fullName(), Optional.empty(), handle, sha256(cmsSignedData), now);
    }

    private record Path(X509TrustAnchor anchor, List<X509Certificate> certs, X509Certificate root) { }

    /**
     * Builds a PKIX path without revocation. The path is built at an instant the leaf is valid (now, clamped into the
     * leaf's validity) so that an expired or not-yet-valid chain is reported as such, not as an unknown issuer.
     */
    private Path buildPath(X509Certificate leaf, List<X509Certificate> cmsCerts, Instant now) throws CredentialRefusal {
        Date at = Date.from(now);
        if (at.before(leaf.getNotBefore())) {
            at = leaf.getNotBefore();
        } else if (at.after(leaf.getNotAfter())) {
            at = leaf.getNotAfter();
        }
        for (X509TrustAnchor anchor : anchors) {
            try {
                Set<TrustAnchor> trust = new HashSet<>();
                for (X509Certificate ca : anchor.caCertificates()) {
                    trust.add(new TrustAnchor(ca, null));
                }
                X509CertSelector target = new X509CertSelector();
                target.setCertificate(leaf);
                PKIXBuilderParameters params = new PKIXBuilderParameters(trust, target);
                params.setRevocationEnabled(false);
                params.setDate(at);
                List<X509Certificate> store = new ArrayList<>(cmsCerts);
                store.add(leaf);
                params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
                PKIXCertPathBuilderResult result =
                        (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
                List<X509Certificate> certs = new ArrayList<>();
                result.getCertPath().getCertificates().forEach(c -> certs.add((X509Certificate) c));
                return new Path(anchor, certs, result.getTrustAnchor().getTrustedCert());
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next anchor
            }
        }
        throw new CredentialRefusal(RefusalReason.UNKNOWN_ISSUER,
                "no path to a trusted anchor from " + leaf.getIssuerX500Principal());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
