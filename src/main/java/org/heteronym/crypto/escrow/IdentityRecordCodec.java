package org.heteronym.crypto.escrow;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Canonical encoding of {@link IdentityRecord}: version 0x01, evidence digest (32), enrollment date (4),
 * date-of-birth flag (1) and date (4, if present), then four u8-length-prefixed UTF-8 strings, then zero padding
 * to L·31 bytes. The fixed-size fields come first so that no 31-byte chunk can start with four 0xFF bytes, which
 * keeps every chunk below (p−1)/256 for the chunk-to-point map (see the specification).
 */
final class IdentityRecordCodec {
    static final byte VERSION = 0x01;
    static final int MIN_CHUNKS = 2;
    static final int MAX_CHUNKS = 255;

    private IdentityRecordCodec() {}

    static byte[] encode(IdentityRecord r, int chunkCount) {
        if (chunkCount < MIN_CHUNKS || chunkCount > MAX_CHUNKS) {
            throw new IllegalArgumentException("chunk count must be " + MIN_CHUNKS + ".." + MAX_CHUNKS);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(chunkCount * ChunkMap.CHUNK_LENGTH);
        out.write(VERSION);
        out.writeBytes(r.evidenceDigest().toBytes());
        writeDate(out, r.enrollmentDate());
        out.write(r.dateOfBirth().isPresent() ? 1 : 0);
        r.dateOfBirth().ifPresent(d -> writeDate(out, d));
        for (String s : new String[] {r.licensingAuthority(), r.licenceNumber(), r.fullName(), r.profession()}) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.write(utf8.length);
            out.writeBytes(utf8);
        }
        int capacity = chunkCount * ChunkMap.CHUNK_LENGTH;
        if (out.size() > capacity) {
            throw new RecordTooLargeException(out.size(), capacity);
        }
        byte[] padded = new byte[capacity];
        System.arraycopy(out.toByteArray(), 0, padded, 0, out.size());
        return padded;
    }

    static IdentityRecord decode(byte[] enc) throws MalformedEncodingException {
        if (enc == null || enc.length % ChunkMap.CHUNK_LENGTH != 0
                || enc.length < MIN_CHUNKS * ChunkMap.CHUNK_LENGTH || enc.length > MAX_CHUNKS * ChunkMap.CHUNK_LENGTH) {
            throw new MalformedEncodingException("identity record: length must be L·31 with 2 ≤ L ≤ 255");
        }
        ByteBuffer in = ByteBuffer.wrap(enc);
        try {
            if (in.get() != VERSION) {
                throw new MalformedEncodingException("identity record: unknown version");
            }
            byte[] digest = new byte[Hash32.LENGTH];
            in.get(digest);
            LocalDate enrolled = readDate(in);
            int flag = in.get();
            if (flag != 0 && flag != 1) {
                throw new MalformedEncodingException("identity record: invalid date-of-birth flag");
            }
            Optional<LocalDate> dob = flag == 1 ? Optional.of(readDate(in)) : Optional.empty();
            String authority = readText(in);
            String licence = readText(in);
            String name = readText(in);
            String profession = readText(in);
            while (in.hasRemaining()) {
                if (in.get() != 0) {
                    throw new MalformedEncodingException("identity record: non-zero padding");
                }
            }
            return new IdentityRecord(authority, licence, name, dob, profession, Hash32.of(digest), enrolled);
        } catch (java.nio.BufferUnderflowException e) {
            throw new MalformedEncodingException("identity record: truncated");
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new MalformedEncodingException("identity record: " + e.getMessage(), e);
        }
    }

    private static void writeDate(ByteArrayOutputStream out, LocalDate d) {
        out.write(d.getYear() >>> 8);
        out.write(d.getYear());
        out.write(d.getMonthValue());
        out.write(d.getDayOfMonth());
    }

    private static LocalDate readDate(ByteBuffer in) {
        int year = in.getShort() & 0xFFFF;
        int month = in.get() & 0xFF;
        int day = in.get() & 0xFF;
        return LocalDate.of(year, month, day); // DateTimeException for month 13, Feb 30, ...; year range checked by the record
    }

    private static String readText(ByteBuffer in) throws MalformedEncodingException {
        int len = in.get() & 0xFF;
        if (len == 0) {
            throw new MalformedEncodingException("identity record: empty text field");
        }
        byte[] utf8 = new byte[len];
        in.get(utf8);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEncodingException("identity record: invalid UTF-8");
        }
    }
}
