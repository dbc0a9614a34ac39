package org.heteronym.cli.disclosure;

import org.heteronym.crypto.escrow.DisclosureStatements;
import org.heteronym.crypto.escrow.Hash32;
import org.heteronym.crypto.escrow.PseudonymBinding;

/**
 * Ties what the service shows a trustee to what the log holds (docs/disclosure.md §5): the order document has the
 * logged digest, the filed entry names this request, its officer key, envelope and epoch, its {@code target_sha256}
 * is the digest of the forum, pseudonym, posts and reasons shown, and the envelope entry's {@code binding} opens to
 * that forum and pseudonym with the nonce given. A trustee never approves what the log does not show.
 */
public final class TrusteeChecks {

    private TrusteeChecks() {
    }

    public static void check(RequestView view, LoggedEntries.Filed filed, LoggedEntries.EnvelopeEntry envelope,
            byte[] orderDocument) throws DisclosureCheckException {
        checkOrder(view, orderDocument);
        checkFiled(view, filed);
        checkEnvelope(view, filed, envelope);
    }

    static void checkOrder(RequestView view, byte[] orderDocument) throws DisclosureCheckException {
        Hash32 digest = Hash32.sha256(orderDocument);
        if (!digest.equals(view.orderSha256())) {
            throw new DisclosureCheckException("the order document's SHA-256 is " + digest.toHex()
                    + ", not the order_sha256 " + view.orderSha256().toHex() + " the service states");
        }
    }

    static void checkFiled(RequestView view, LoggedEntries.Filed filed) throws DisclosureCheckException {
        long index = filed.index();
        require(filed.request().equals(view.id()), "log entry " + index + " files request " + filed.request()
                + ", not " + view.id());
        require(view.requestIndex().isPresent() && view.requestIndex().getAsLong() == index,
                "the service names log entry " + view.requestIndex() + " as the request's, not " + index);
        require(filed.orderSha256().equals(view.orderSha256()), "the logged order digest "
                + filed.orderSha256().toHex() + " differs from the service's " + view.orderSha256().toHex());
        require(filed.envelopeIndex() == view.envelopeIndex(), "the logged envelope_index " + filed.envelopeIndex()
                + " differs from the service's " + view.envelopeIndex());
        require(filed.epoch().equals(view.epoch()) && filed.envelope().epochId().equals(filed.epoch()),
                "the logged epoch, the envelope's epoch and the service's epoch differ");
        require(filed.officerKey().equals(view.officerKey()), "the logged officer key differs from the key of the "
                + "officer the service shows");
        Hash32 target = DisclosureStatements.targetDigest(view.forum(), view.pseudonym(), view.posts(),
                view.reasons());
        require(target.equals(filed.targetSha256()), "the forum, pseudonym, posts and reasons shown digest to "
                + target.toHex() + ", not the logged target_sha256 " + filed.targetSha256().toHex());
    }

    static void checkEnvelope(RequestView view, LoggedEntries.Filed filed, LoggedEntries.EnvelopeEntry envelope)
            throws DisclosureCheckException {
        Hash32 envelopeHash = filed.envelope().envelopeHash();
        require(envelope.index() == filed.envelopeIndex(), "log entry " + envelope.index()
                + " is not the envelope entry " + filed.envelopeIndex() + " the request names");
        require(envelope.envelopeHash().equals(envelopeHash), "the envelope entry's envelope_hash "
                + envelope.envelopeHash().toHex() + " is not the hash of the request's envelope " + envelopeHash.toHex());
        require(envelope.epoch().equals(filed.epoch()), "the envelope entry is of another epoch");
        require(view.bindingNonce().isPresent(), "the service gave no binding_nonce to check the target with");
        byte[] nonce = view.bindingNonce().get();
        require(nonce.length == PseudonymBinding.NONCE_LENGTH, "the binding_nonce is not 32 bytes");
        Hash32 binding = PseudonymBinding.commit(view.forum(), view.pseudonym(), envelopeHash, filed.epoch(), nonce);
        require(binding.equals(envelope.binding()), "the envelope entry's binding does not open to forum "
                + view.forum() + " and pseudonym " + view.pseudonym() + ": the envelope is not that pseudonym's");
    }

    private static void require(boolean ok, String message) throws DisclosureCheckException {
        if (!ok) {
            throw new DisclosureCheckException(message);
        }
    }
}
