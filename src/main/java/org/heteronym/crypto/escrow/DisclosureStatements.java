package org.heteronym.crypto.escrow;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The byte strings that the disclosure feature signs or hashes (docs/disclosure.md §§4–5; docs/escrow-protocol.md
 * §23): a trustee's HTTP request signature, a trustee's refusal of a request, and the digest of a request's target.
 * The two signatures are Schnorr proofs of knowledge (§6) whose context is a transcript naming everything signed.
 *
 * <h2>Security guarantees</h2>
 * Each statement has its own protocol tag, so a proof made for one kind of statement never verifies as another; the
 * fields are typed and length-prefixed (§4), so no two different statements share a context. A request signature
 * covers the method, the path with its query, the time and the body's SHA-256; a refusal covers the request's log
 * index and entry hash, the trustee index and the reason's SHA-256, so it cannot be moved to another request or
 * trustee, nor its reason changed.
 *
 * <h2>WARNING</h2>
 * A request signature does not expire by itself: the verifier must also check that the time is close to its clock
 * (docs/disclosure.md §4 allows 120 s) and make the request idempotent, since a replay within the window verifies.
 */
public final class DisclosureStatements {

    public static final String REQUEST_TAG = "heteronym/v1/trustee-request";
    public static final String REFUSAL_TAG = "heteronym/v1/disclosure-refusal";
    public static final String TARGET_TAG = "heteronym/v1/disclosure-target";

    private DisclosureStatements() {
    }

    // ------------------------------------------------------------------------------------- trustee requests

    /**
     * {@code Transcript(REQUEST_TAG; BYTES utf8(method), BYTES utf8(pathWithQuery), UINT unixTime,
     * BYTES SHA-256(body))}; an empty body is hashed like any other (SHA-256 of zero bytes).
     */
    public static byte[] requestContext(String method, String pathWithQuery, long unixTime, byte[] body) {
        if (unixTime < 0) {
            throw new IllegalArgumentException("time must be non-negative unix seconds");
        }
        return Transcript.start(REQUEST_TAG)
                .bytes(utf8(method))
                .bytes(utf8(pathWithQuery))
                .uint(unixTime)
                .bytes(Hash32.sha256(Objects.requireNonNull(body)).toBytes())
                .toByteArray();
    }

    /** The trustee's signature of one HTTP request, by its static (ceremony) secret d_i. */
    public static SchnorrProof signRequest(Scalar staticSecret, String method, String pathWithQuery, long unixTime,
            byte[] body, SecureRandom random) {
        return SchnorrProof.prove(staticSecret, requestContext(method, pathWithQuery, unixTime, body), random);
    }

    /** Checks a request signature under the trustee's registered static key; the caller checks the time. */
    public static void verifyRequest(Point staticKey, String method, String pathWithQuery, long unixTime,
            byte[] body, SchnorrProof signature) throws InvalidProofException {
        signature.verify(staticKey, requestContext(method, pathWithQuery, unixTime, body));
    }

    // ------------------------------------------------------------------------------------------- refusals

    /**
     * {@code Transcript(REFUSAL_TAG; UINT requestIndex, BYTES requestEntryHash, UINT trusteeIndex,
     * BYTES reasonSha256)}. The log carries only the reason's digest, so the context is built from it.
     */
    public static byte[] refusalContext(long requestIndex, Hash32 requestEntryHash, int trusteeIndex,
            Hash32 reasonSha256) {
        if (requestIndex < 0) {
            throw new IllegalArgumentException("request index must be non-negative");
        }
        if (trusteeIndex < 1 || trusteeIndex > EpochKey.MAX_TRUSTEES) {
            throw new IllegalArgumentException("trustee index must be 1.." + EpochKey.MAX_TRUSTEES);
        }
        return Transcript.start(REFUSAL_TAG)
                .uint(requestIndex)
                .bytes(requestEntryHash.toBytes())
                .uint(trusteeIndex)
                .bytes(reasonSha256.toBytes())
                .toByteArray();
    }

    /** SHA-256 of the reason's UTF-8 bytes: what the log's {@code reason_sha256} holds. */
    public static Hash32 reasonDigest(String reason) {
        return Hash32.sha256(utf8(reason));
    }

    /** Trustee i's refusal of the request logged at {@code requestIndex}, by its epoch share x_i. */
    public static SchnorrProof signRefusal(TrusteeKey trustee, long requestIndex, Hash32 requestEntryHash,
            String reason, SecureRandom random) {
        return SchnorrProof.prove(trustee.secret(),
                refusalContext(requestIndex, requestEntryHash, trustee.index(), reasonDigest(reason)), random);
    }

    /** Checks a refusal under Y_i, which the caller must take from the epoch key, never from the refusal. */
    public static void verifyRefusal(Point trusteeKey, long requestIndex, Hash32 requestEntryHash, int trusteeIndex,
            Hash32 reasonSha256, SchnorrProof signature) throws InvalidProofException {
        signature.verify(trusteeKey, refusalContext(requestIndex, requestEntryHash, trusteeIndex, reasonSha256));
    }

    // --------------------------------------------------------------------------------------------- target

    /**
     * {@code SHA-256(Transcript(TARGET_TAG; BYTES utf8(forum), BYTES utf8(pseudonym), BYTES utf8(postsJson),
     * BYTES utf8(reasons)))}, the request's {@code target_sha256}. {@code postsCanonicalJson} must already be the
     * RFC 8785 form of the posts array: this core does not parse JSON.
     */
    public static Hash32 targetDigest(String forum, String pseudonym, String postsCanonicalJson, String reasons) {
        return Transcript.start(TARGET_TAG)
                .bytes(utf8(forum))
                .bytes(utf8(pseudonym))
                .bytes(utf8(postsCanonicalJson))
                .bytes(utf8(reasons))
                .sha256();
    }

    /** Strict UTF-8: an unpaired surrogate would otherwise become '?', and two texts would share a digest. */
    private static byte[] utf8(String text) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] out = new byte[encoded.remaining()];
            encoded.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text is not valid Unicode (unpaired surrogate)");
        }
    }
}
