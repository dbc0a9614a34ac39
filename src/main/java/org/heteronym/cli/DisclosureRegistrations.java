package org.heteronym.cli;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.heteronym.crypto.Sha256;
import org.heteronym.crypto.escrow.EpochKey;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.MalformedEncodingException;
import org.heteronym.crypto.escrow.Point;

/**
 * What the log registered before a disclosure entry, as far as the disclosure audit needs it: legal officers and
 * their keys, court anchors and their certificates (docs/disclosure.md §5), trustee epochs
 * ({@code trustee-set.established}) and pseudonym envelopes ({@code pseudonym.envelope}).
 *
 * <p>Officer and anchor entries are checked here (rule 1: an id registered once, retired at most once and only
 * after it was registered; fingerprints that match the certificates). Epoch and envelope entries belong to other
 * features and to {@code audit replay} and {@code audit epoch}; one that cannot be read is simply not remembered, so
 * that a request naming it is reported instead.
 */
final class DisclosureRegistrations {

    /** A {@code pseudonym.envelope} entry: the envelope hash and epoch it commits to. */
    record LoggedEnvelope(Hash32 envelopeHash, Hash32 epochId) {
    }

    private record Officer(Point key, boolean retired) {
    }

    private record Anchor(List<X509Certificate> certificates, boolean retired) {
    }

    private final Map<String, Officer> officers = new HashMap<>();
    private final Map<String, Anchor> anchors = new HashMap<>();
    private final Map<Hash32, EpochKey> epochs = new HashMap<>();
    private final Map<Long, LoggedEnvelope> envelopes = new HashMap<>();

    // ------------------------------------------------------------------------------------ officers, anchors

    void officerRegistered(EntryFields entry) throws EntryProblem {
        String id = entry.text("officer");
        entry.text("name");
        entry.date("date");
        Point key = entry.point("public_key");
        if (officers.containsKey(id)) {
            throw new EntryProblem("officer " + id + " was already registered");
        }
        officers.put(id, new Officer(key, false));
    }

    void officerRetired(EntryFields entry) throws EntryProblem {
        String id = entry.text("officer");
        entry.date("date");
        Officer officer = officers.get(id);
        if (officer == null) {
            throw new EntryProblem("retires officer " + id + ", who was never registered");
        }
        if (officer.retired()) {
            throw new EntryProblem("officer " + id + " was already retired");
        }
        officers.put(id, new Officer(officer.key(), true));
    }

    void anchorRegistered(EntryFields entry) throws EntryProblem {
        String id = entry.text("anchor");
        entry.text("name");
        entry.date("date");
        List<String> certificates = entry.texts("ca_certificates");
        List<String> fingerprints = entry.texts("sha256");
        if (certificates.isEmpty() || certificates.size() != fingerprints.size()) {
            throw new EntryProblem("needs one or more CA certificates and one fingerprint for each");
        }
        List<X509Certificate> parsed = new ArrayList<>();
        for (int k = 0; k < certificates.size(); k++) {
            byte[] der = certificate(certificates.get(k), k);
            if (!HexFormat.of().formatHex(Sha256.of(der)).equals(fingerprints.get(k))) {
                throw new EntryProblem("sha256[" + k + "] is not the fingerprint of ca_certificates[" + k + "]");
            }
            parsed.add(x509(der, k));
        }
        if (anchors.containsKey(id)) {
            throw new EntryProblem("court anchor " + id + " was already registered");
        }
        anchors.put(id, new Anchor(List.copyOf(parsed), false));
    }

    void anchorRetired(EntryFields entry) throws EntryProblem {
        String id = entry.text("anchor");
        entry.date("date");
        Anchor anchor = anchors.get(id);
        if (anchor == null) {
            throw new EntryProblem("retires court anchor " + id + ", which was never registered");
        }
        if (anchor.retired()) {
            throw new EntryProblem("court anchor " + id + " was already retired");
        }
        anchors.put(id, new Anchor(anchor.certificates(), true));
    }

    /** Why {@code officer} with {@code key} may not file a request now, or null if it may. */
    String officerProblem(String officer, Point key) {
        Officer registered = officers.get(officer);
        if (registered == null) {
            return "officer " + officer + " is not registered before the request";
        }
        if (registered.retired()) {
            return "officer " + officer + " was retired before the request";
        }
        if (!registered.key().equals(key)) {
            return "officer_key is not the key registered for officer " + officer;
        }
        return null;
    }

    /** The certificates of an anchor registered and not retired, or a problem. */
    List<X509Certificate> activeAnchor(String anchor) throws EntryProblem {
        Anchor registered = anchors.get(anchor);
        if (registered == null) {
            throw new EntryProblem("court anchor " + anchor + " is not registered before the request");
        }
        if (registered.retired()) {
            throw new EntryProblem("court anchor " + anchor + " was retired before the request");
        }
        return registered.certificates();
    }

    private static byte[] certificate(String base64, int k) throws EntryProblem {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new EntryProblem("ca_certificates[" + k + "] is not standard base64");
        }
    }

    private static X509Certificate x509(byte[] der, int k) throws EntryProblem {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new EntryProblem("ca_certificates[" + k + "] is not an X.509 certificate");
        }
    }

    // ------------------------------------------------------------------------------- epochs and envelopes

    /** Remembers an epoch whose entry states a consistent key set; anything else is for {@code audit epoch}. */
    void epochEstablished(EntryFields entry) {
        try {
            List<Point> keys = new ArrayList<>();
            for (String key : entry.texts("trustee_keys")) {
                keys.add(Point.decode(Base64.getDecoder().decode(key)));
            }
            Hash32 id = entry.hex32("epoch");
            int threshold = entry.bounded("threshold", 1, EpochKey.MAX_TRUSTEES);
            EpochKey epoch = new EpochKey(id, threshold, entry.point("joint_key"), keys);
            epochs.putIfAbsent(id, epoch);
        } catch (EntryProblem | IllegalArgumentException | MalformedEncodingException e) {
            // Not a usable epoch: requests naming it are reported.
        }
    }

    void envelopeLogged(long index, EntryFields entry) {
        try {
            envelopes.put(index, new LoggedEnvelope(entry.hex32("envelope_hash"), entry.hex32("epoch")));
        } catch (EntryProblem e) {
            // Not a usable envelope entry: a request naming it is reported.
        }
    }

    /** The epoch, or null if no usable {@code trustee-set.established} entry established it. */
    EpochKey epoch(Hash32 id) {
        return epochs.get(id);
    }

    /** The {@code pseudonym.envelope} entry at {@code index}, or null if there is none. */
    LoggedEnvelope envelope(long index) {
        return envelopes.get(index);
    }
}
