package org.heteronym.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.erdtman.jcs.JsonCanonicalizer;
import org.heteronym.crypto.Sha256;
import org.heteronym.crypto.escrow.DecryptionShare;
import org.heteronym.crypto.escrow.DisclosureStatements;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.Envelopes;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.IdentityRecord;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import org.heteronym.crypto.escrow.Point;
import org.heteronym.crypto.escrow.ShareContext;
import org.heteronym.crypto.escrow.ShareProver;
import org.heteronym.crypto.escrow.TestDrbg;
import org.heteronym.crypto.escrow.TrustedDealer;
import org.heteronym.crypto.merkle.CompactRange;
import org.heteronym.crypto.merkle.MerkleHash;
import org.heteronym.crypto.merkle.NodeSink;

/**
 * TEST ONLY: a synthetic log of the disclosure feature, built with the real crypto the way the service and the
 * trustees would build it: a dealt 3-of-5 epoch, real envelopes, shares proven for the context derived from the log
 * so far (its tree root computed with {@code crypto.merkle}), refusals signed under Y_i. Each {@code ...Fields}
 * method returns the entry's fields for a test to spoil before {@link #append}; the plain method appends them as
 * they are.
 */
final class DisclosureLog {

    static final String OFFICER = "officer-1";
    static final String ANCHOR = "anchor-1";
    static final LocalDate FILED = LocalDate.of(2026, 12, 1);
    static final LocalDate EXPIRES = LocalDate.of(2027, 1, 31);
    static final LocalDate IN_REVIEW = LocalDate.of(2026, 12, 10);
    /** The CMS "signature" the test check accepts; any other is refused. */
    static final String GOOD_CMS = Base64.getEncoder().encodeToString(
            "a signed order".getBytes(StandardCharsets.UTF_8));

    /** Accepts {@link #GOOD_CMS} with the anchor's one certificate, as a stand-in for the real CMS check. */
    static final OrderSignatureCheck ORDERS = (cms, digest, certificates, orderDate) ->
            cms.equals(GOOD_CMS) && certificates.size() == 1 && digest.length == 32
                    ? Optional.empty() : Optional.of("not signed by the anchor");

    private static final ObjectMapper JSON = new ObjectMapper();

    final SecureRandom random = new TestDrbg("disclosure-log");
    final TrustedDealer.Dealt dealt = TrustedDealer.split(3, 5, random);
    final OfficerKeyPair officer = OfficerKeyPair.generate(random);
    final List<byte[]> entries = new ArrayList<>();
    /** The envelope each pseudonym.envelope entry logged, by index. */
    final Map<Long, Envelope> envelopes = new LinkedHashMap<>();
    private int orders;

    /** Genesis, epoch, officer, anchor and two pseudonym envelopes (entries 0 to 5). */
    static DisclosureLog standard() {
        return standard("heteronym.test/log", "heteronym.test/log+00000000+AQ");
    }

    /** {@link #standard()} with a genesis entry naming this origin and verifier key, to be served and replayed. */
    static DisclosureLog standard(String origin, String vkey) {
        DisclosureLog log = new DisclosureLog();
        log.append(fields("log.genesis", "origin", origin, "vkey", vkey));
        log.append(log.epochFields());
        log.append(log.officerFields(OFFICER, log.officer.publicKey()));
        log.append(log.anchorFields(ANCHOR));
        log.envelope();
        log.envelope();
        return log;
    }

    // ------------------------------------------------------------------------------------------- plumbing

    static Map<String, Object> fields(String kind, Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", kind);
        map.put("v", 1);
        for (int k = 0; k < pairs.length; k += 2) {
            map.put((String) pairs[k], pairs[k + 1]);
        }
        return map;
    }

    /** Appends the entry in canonical JSON and returns its index. */
    long append(Map<String, Object> fields) {
        try {
            entries.add(new JsonCanonicalizer(JSON.writeValueAsString(fields)).getEncodedUTF8());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return entries.size() - 1;
    }

    long size() {
        return entries.size();
    }

    /** The root of the first {@code size} entries, computed afresh. */
    byte[] root(long size) {
        CompactRange range = CompactRange.empty();
        for (int i = 0; i < size; i++) {
            range.append(MerkleHash.leafHash(entries.get(i)), NodeSink.DISCARD);
        }
        return range.root();
    }

    DisclosureAudit audit() {
        return DisclosureAudit.of(entries, this::root, ORDERS);
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    // ----------------------------------------------------------------------------------- registrations

    Map<String, Object> epochFields() {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            keys.add(b64(dealt.epoch().trusteeKey(i).encode()));
        }
        return fields("trustee-set.established", "ceremony", "ceremony-1", "epoch", dealt.epoch().epochId().toHex(),
                "threshold", 3, "participants", 5, "joint_key", b64(dealt.epoch().jointKey().encode()),
                "trustee_keys", keys, "transcript", "AA==", "date", "2026-11-01");
    }

    Map<String, Object> officerFields(String id, Point key) {
        return fields("officer.registered", "officer", id, "name", "Maître Test", "public_key", b64(key.encode()),
                "date", "2026-11-02");
    }

    Map<String, Object> anchorFields(String id) {
        byte[] der = certificate();
        return fields("court-anchor.registered", "anchor", id, "name", "Cour d'appel de Test",
                "ca_certificates", List.of(b64(der)), "sha256", List.of(HexFormat.of().formatHex(Sha256.of(der))),
                "date", "2026-11-02");
    }

    /** Seals a fresh identity and logs its pseudonym envelope; returns the entry's index. */
    long envelope() {
        IdentityRecord record = new IdentityRecord("Ordre des médecins", "75-" + (100000 + envelopes.size()),
                "Dr. Test " + envelopes.size(), Optional.empty(), "Médecin", Hash32.sha256(new byte[] {1}),
                LocalDate.of(2025, 1, 1));
        Envelope envelope = Envelopes.seal(record, IdentityRecord.DEFAULT_CHUNK_COUNT, dealt.epoch(), random);
        long index = append(fields("pseudonym.envelope", "envelope_hash", envelope.envelopeHash().toHex(),
                "binding", Hash32.sha256(new byte[] {2}).toHex(), "epoch", envelope.epochId().toHex(),
                "date", "2026-11-03"));
        envelopes.put(index, envelope);
        return index;
    }

    // ------------------------------------------------------------------------------------------ requests

    /** A filing for the envelope logged at {@code envelopeIndex}, with a fresh order digest. */
    Map<String, Object> filedFields(String request, long envelopeIndex, String notice) {
        Envelope envelope = envelopes.get(envelopeIndex);
        Map<String, Object> map = fields("disclosure.filed", "request", request, "officer", OFFICER,
                "officer_key", b64(officer.publicKey().encode()), "anchor", ANCHOR,
                "court", "Tribunal judiciaire de Test", "case", "RG 26/0" + orders, "order_date", "2026-11-30",
                "order_expires", EXPIRES.toString(),
                "order_sha256", Hash32.sha256(("order " + orders++).getBytes(StandardCharsets.UTF_8)).toHex(),
                "order_signature", GOOD_CMS, "envelope_index", envelopeIndex, "envelope", b64(envelope.encode()),
                "epoch", envelope.epochId().toHex(),
                "target_sha256", DisclosureStatements.targetDigest("medforum", request, "[]", "reasons").toHex(),
                "notice", notice, "review_from", "2026-12-08", "review_until", "2026-12-31",
                "date", FILED.toString());
        if (notice.equals("gagged")) {
            map.put("gag_until", "2027-03-01");
            map.put("review_from", FILED.toString());
        }
        return map;
    }

    /** As the service files: a gagged request's review opens in the filing's own transaction, right after it. */
    long filed(String request, long envelopeIndex, String notice) {
        long index = append(filedFields(request, envelopeIndex, notice));
        if (notice.equals("gagged")) {
            append(step("disclosure.review-opened", index));
        }
        return index;
    }

    /** An entry of {@code kind} naming the request filed at {@code requestIndex}. */
    Map<String, Object> step(String kind, long requestIndex, Object... more) {
        Map<String, Object> map = fields(kind, "request", requestId(requestIndex), "request_index", requestIndex,
                "date", IN_REVIEW.toString());
        for (int k = 0; k < more.length; k += 2) {
            map.put((String) more[k], more[k + 1]);
        }
        return map;
    }

    String requestId(long requestIndex) {
        try {
            return JSON.readTree(entries.get((int) requestIndex)).path("request").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    long envelopeIndexOf(long requestIndex) {
        try {
            return JSON.readTree(entries.get((int) requestIndex)).path("envelope_index").asLong();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The context a trustee derives from the log as it stands, for a share by {@code trustee} to key R. */
    ShareContext context(long requestIndex, int trustee, Point officerKey) {
        long envelopeIndex = envelopeIndexOf(requestIndex);
        return new ShareContext(requestIndex, Hash32.sha256(entries.get((int) requestIndex)), envelopeIndex,
                envelopes.get(envelopeIndex).envelopeHash(), size(), Hash32.of(root(size())),
                dealt.epoch().epochId(), trustee, officerKey);
    }

    DecryptionShare proveShare(long requestIndex, int trustee, Point officerKey) {
        Envelope envelope = envelopes.get(envelopeIndexOf(requestIndex));
        return ShareProver.createShare(dealt.trustee(trustee), envelope, context(requestIndex, trustee, officerKey),
                random);
    }

    /** A valid share entry by {@code trustee}, for the checkpoint of the log's present size. */
    Map<String, Object> shareFields(long requestIndex, int trustee) {
        return shareFields(requestIndex, trustee, proveShare(requestIndex, trustee, officer.publicKey()));
    }

    Map<String, Object> shareFields(long requestIndex, int trustee, DecryptionShare share) {
        return step("disclosure.share", requestIndex, "trustee", trustee, "checkpoint_size", size(),
                "share", b64(share.encode()));
    }

    long share(long requestIndex, int trustee) {
        return append(shareFields(requestIndex, trustee));
    }

    /** As the service writes it: the trustees of the first t valid shares; the share entries are found by trustee. */
    Map<String, Object> releasedFields(long requestIndex, List<Integer> trustees, List<Long> shareIndexes) {
        return step("disclosure.released", requestIndex, "trustees", trustees);
    }

    long released(long requestIndex, List<Integer> trustees, List<Long> shareIndexes) {
        return append(releasedFields(requestIndex, trustees, shareIndexes));
    }

    Map<String, Object> refusalFields(long requestIndex, int trustee, String reason) {
        byte[] signature = DisclosureStatements.signRefusal(dealt.trustee(trustee), requestIndex,
                Hash32.sha256(entries.get((int) requestIndex)), reason, random).encode();
        return step("disclosure.refusal", requestIndex, "trustee", trustee,
                "reason_sha256", DisclosureStatements.reasonDigest(reason).toHex(), "signature", b64(signature));
    }

    long refusal(long requestIndex, int trustee) {
        return append(refusalFields(requestIndex, trustee, "the order does not name this forum"));
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** A self-signed CA certificate: the audit only parses anchors; the CMS check is {@link #ORDERS}. */
    private static byte[] certificate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair key = generator.generateKeyPair();
            X500Name name = new X500Name("CN=Test Court CA");
            Instant now = Instant.now();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minus(1, ChronoUnit.DAYS)),
                            Date.from(now.plus(3650, ChronoUnit.DAYS)), name, key.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
            return certificate.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
