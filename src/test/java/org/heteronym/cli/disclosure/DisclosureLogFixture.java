package org.heteronym.cli.disclosure;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.heteronym.crypto.escrow.DisclosureStatements;
import org.heteronym.crypto.escrow.Envelope;
import org.heteronym.crypto.escrow.Envelopes;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.IdentityRecord;
import org.heteronym.crypto.escrow.OfficerKeyPair;
import org.heteronym.crypto.escrow.PseudonymBinding;
import org.heteronym.crypto.escrow.ShareContext;
import org.heteronym.crypto.escrow.ShareProver;
import org.heteronym.crypto.escrow.TestDrbg;
import org.heteronym.crypto.escrow.TrustedDealer;

/**
 * TEST ONLY: a 3-of-5 epoch (trusted dealer), a sealed envelope logged at entry 5, a request filed at entry 10 for
 * an officer, the service's view of it, and share entries at 12.. made against the checkpoint of size 12.
 */
public final class DisclosureLogFixture {

    public static final long ENVELOPE_INDEX = 5;
    public static final long REQUEST_INDEX = 10;
    public static final long CHECKPOINT_SIZE = 12;
    public static final String REQUEST = "0b7c3f2e-4b1f-4a8e-9d7e-2f0c1a2b3c4d";

    public final TestDrbg random = new TestDrbg("disclosure-cli");
    public final TrustedDealer.Dealt dealt = TrustedDealer.split(3, 5, random);
    public final IdentityRecord identity = new IdentityRecord("Ordre des médecins", "75-123456", "Dr. Zoë Ångström",
            Optional.of(LocalDate.of(1979, 2, 28)), "Médecin généraliste",
            Hash32.sha256("licence".getBytes(StandardCharsets.UTF_8)), LocalDate.of(2025, 11, 3));
    public final Envelope envelope = Envelopes.seal(identity, IdentityRecord.DEFAULT_CHUNK_COUNT, dealt.epoch(), random);
    public final OfficerKeyPair officer = OfficerKeyPair.generate(random);
    public final byte[] nonce = bytes(32, 7);
    public final byte[] order = "ORDER: disclose the author of the posts".getBytes(StandardCharsets.UTF_8);
    public final byte[] checkpointRoot = Hash32.sha256("root-12".getBytes(StandardCharsets.UTF_8)).toBytes();
    public final String forum = "medforum";
    public final String pseudonym = "p-3f9a";
    public final String posts = "[{\"posted_at\":\"2026-11-02T10:14:00Z\",\"url\":\"https://forum.example/t/1\"}]";
    public final String reasons = "defamation of a named colleague";

    public byte[] filedEntry(String target) {
        return ("{\"case\":\"RG 26/01234\",\"court\":\"Tribunal judiciaire de Paris\",\"envelope\":\""
                + b64(envelope.encode()) + "\",\"envelope_index\":" + ENVELOPE_INDEX + ",\"epoch\":\""
                + dealt.epoch().epochId().toHex() + "\",\"kind\":\"disclosure.filed\",\"officer_key\":\""
                + b64(officer.publicKey().encode()) + "\",\"order_sha256\":\"" + Hash32.sha256(order).toHex()
                + "\",\"request\":\"" + REQUEST + "\",\"target_sha256\":\"" + target + "\",\"v\":1}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public byte[] filedEntry() {
        return filedEntry(DisclosureStatements.targetDigest(forum, pseudonym, posts, reasons).toHex());
    }

    public LoggedEntries.Filed filed() throws DisclosureCheckException {
        return LoggedEntries.filed(REQUEST_INDEX, filedEntry());
    }

    public byte[] envelopeEntry(Hash32 envelopeHash) {
        Hash32 binding = PseudonymBinding.commit(forum, pseudonym, envelopeHash, dealt.epoch().epochId(), nonce);
        return ("{\"binding\":\"" + binding.toHex() + "\",\"envelope_hash\":\"" + envelopeHash.toHex()
                + "\",\"epoch\":\"" + dealt.epoch().epochId().toHex() + "\",\"kind\":\"pseudonym.envelope\",\"v\":1}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public LoggedEntries.EnvelopeEntry envelopeEntry() throws DisclosureCheckException {
        return LoggedEntries.envelope(ENVELOPE_INDEX, envelopeEntry(envelope.envelopeHash()));
    }

    public RequestView view(String forumShown, String pseudonymShown, Hash32 orderDigest) {
        return new RequestView(REQUEST, "review", "Tribunal judiciaire de Paris", "RG 26/01234", "2026-11-30",
                "2027-01-31", forumShown, pseudonymShown, posts, reasons, "now", orderDigest, ENVELOPE_INDEX,
                dealt.epoch().epochId(), officer.publicKey(), OptionalLong.of(REQUEST_INDEX),
                OptionalLong.of(CHECKPOINT_SIZE), Optional.of(nonce), List.of(), List.of(), List.of());
    }

    public RequestView view() {
        return view(forum, pseudonym, Hash32.sha256(order));
    }

    /** Share entries of the given trustees, made for {@code context}'s disclosure (the log-derived one by default). */
    public List<LoggedEntries.Share> shares(ShareContext context, int... trustees) throws DisclosureCheckException {
        List<LoggedEntries.Share> out = new ArrayList<>();
        long index = CHECKPOINT_SIZE;
        for (int i : trustees) {
            byte[] share = ShareProver.createShare(dealt.trustee(i), envelope, context.forTrustee(i), random).encode();
            byte[] entry = ("{\"checkpoint_size\":" + CHECKPOINT_SIZE + ",\"kind\":\"disclosure.share\",\"request\":\""
                    + REQUEST + "\",\"request_index\":" + REQUEST_INDEX + ",\"share\":\"" + b64(share)
                    + "\",\"trustee\":" + i + ",\"v\":1}").getBytes(StandardCharsets.UTF_8);
            out.add(LoggedEntries.share(index++, entry));
        }
        return out;
    }

    public ShareContext logContext() throws DisclosureCheckException {
        return ShareContexts.derive(filed(), CHECKPOINT_SIZE, checkpointRoot, 1);
    }

    static byte[] bytes(int length, int value) {
        byte[] out = new byte[length];
        java.util.Arrays.fill(out, (byte) value);
        return out;
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
