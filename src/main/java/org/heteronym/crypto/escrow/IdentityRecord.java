package org.heteronym.crypto.escrow;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The real-world identity escrowed for one pseudonym. Its canonical binary form ({@link #encode(int)}) is what
 * the envelope encrypts; see docs/escrow-protocol.md, "Identity record".
 *
 * <h2>Security guarantees</h2>
 * Construction enforces the invariants the encoding needs, so every instance has exactly one encoding and
 * {@code decode(encode(r, L)).equals(r)}: text fields are non-empty, Unicode NFC, free of control characters
 * and at most 255 UTF-8 bytes; dates are in years 1–9999; the evidence digest is 32 bytes.
 *
 * <h2>WARNING</h2>
 * This is personal data. {@link #toString()} is redacted on purpose; do not log the fields. The record does
 * not by itself prove anything: only an {@link OpenedIdentity} ties it to a logged envelope.
 */
public record IdentityRecord(
        String licensingAuthority,
        String licenceNumber,
        String fullName,
        Optional<LocalDate> dateOfBirth,
        String profession,
        Hash32 evidenceDigest,
        LocalDate enrollmentDate) {

    /** The deployment default for L, the number of 31-byte chunks: 8 chunks, 248 bytes. */
    public static final int DEFAULT_CHUNK_COUNT = 8;
    static final int MAX_TEXT_BYTES = 255;

    public IdentityRecord {
        checkText("licensingAuthority", licensingAuthority);
        checkText("licenceNumber", licenceNumber);
        checkText("fullName", fullName);
        checkText("profession", profession);
        Objects.requireNonNull(dateOfBirth, "dateOfBirth (use Optional.empty())");
        dateOfBirth.ifPresent(d -> checkDate("dateOfBirth", d));
        Objects.requireNonNull(evidenceDigest, "evidenceDigest");
        checkDate("enrollmentDate", enrollmentDate);
    }

    /** The canonical encoding padded to {@code chunkCount}·31 bytes; throws {@link RecordTooLargeException}. */
    public byte[] encode(int chunkCount) {
        return IdentityRecordCodec.encode(this, chunkCount);
    }

    /** Strict inverse of {@link #encode(int)}; the chunk count is the input length / 31. */
    public static IdentityRecord decode(byte[] encoded) throws MalformedEncodingException {
        return IdentityRecordCodec.decode(encoded);
    }

    private static void checkText(String name, String s) {
        Objects.requireNonNull(s, name);
        if (s.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
            throw new IllegalArgumentException(name + " must be Unicode NFC");
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isISOControl(ch)) {
                throw new IllegalArgumentException(name + " contains a control character");
            }
            if (Character.isSurrogate(ch)
                    && !(Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                    && !(Character.isLowSurrogate(ch) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                throw new IllegalArgumentException(name + " contains an unpaired surrogate");
            }
        }
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException(name + " exceeds 255 UTF-8 bytes");
        }
    }

    private static void checkDate(String name, LocalDate d) {
        Objects.requireNonNull(d, name);
        if (d.getYear() < 1 || d.getYear() > 9999) {
            throw new IllegalArgumentException(name + " year must be 1..9999");
        }
    }

    @Override
    public String toString() {
        return "IdentityRecord[redacted]";
    }
}
