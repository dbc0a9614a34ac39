package org.heteronym.credential;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The binary form of a {@link LicenceStatusHandle}, version 1. All integers are unsigned big-endian.
 *
 * <pre>
 * u8 version = 0x01
 * u8 type    = 0x01 certificate | 0x02 status list entry | 0x03 no status
 * type 0x01: id, u16 len + issuer certificate DER (1..16384), u8 len + serial (1..32, minimal two's complement),
 *            urls (OCSP), urls (CRL)
 * type 0x02: id, u16 len + URI (1..1024), u32 index (0..2^31-1)
 * type 0x03: id
 * id   = u8 len (1..255) + UTF-8
 * urls = u8 count (0..8), then each: u16 len (1..1024) + printable ASCII http(s) URI
 * </pre>
 *
 * <p>Canonical: each value has exactly one encoding, and {@link #decode(byte[])} accepts only such encodings (minimal
 * serials, exact lengths, nothing after the last field), so that re-encoding a decoded handle gives the same bytes.
 * Every length is bounded before anything is allocated.
 */
final class LicenceStatusCodec {

    static final int VERSION = 1;
    static final int TYPE_CERTIFICATE = 1;
    static final int TYPE_STATUS_LIST = 2;
    static final int TYPE_NO_STATUS = 3;

    static final int MAX_ENCODED_BYTES = LicenceStatusLimits.MAX_ENCODED_BYTES;

    private LicenceStatusCodec() {
    }

    // ---- encoding

    static byte[] encode(LicenceStatusHandle handle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        switch (handle) {
            case LicenceStatusHandle.CertificateStatus c -> {
                out.write(TYPE_CERTIFICATE);
                writeId(out, c.anchorId());
                byte[] der = c.issuerCertificateDer();
                writeU16(out, der.length);
                out.writeBytes(der);
                byte[] serial = c.serial().toByteArray();
                out.write(serial.length);
                out.writeBytes(serial);
                writeUrls(out, c.ocspUrls());
                writeUrls(out, c.crlUrls());
            }
            case LicenceStatusHandle.StatusListEntry e -> {
                out.write(TYPE_STATUS_LIST);
                writeId(out, e.authorityId());
                writeUrl(out, e.uri());
                out.writeBytes(ByteBuffer.allocate(4).putInt((int) e.index()).array());
            }
            case LicenceStatusHandle.NoStatus n -> {
                out.write(TYPE_NO_STATUS);
                writeId(out, n.authorityId());
            }
        }
        return out.toByteArray();
    }

    private static void writeId(ByteArrayOutputStream out, String id) {
        byte[] b = LicenceStatusLimits.checkId(id);
        out.write(b.length);
        out.writeBytes(b);
    }

    private static void writeUrls(ByteArrayOutputStream out, List<URI> urls) {
        out.write(urls.size());
        urls.forEach(u -> writeUrl(out, u));
    }

    private static void writeUrl(ByteArrayOutputStream out, URI url) {
        byte[] b = url.toString().getBytes(StandardCharsets.US_ASCII);
        writeU16(out, b.length);
        out.writeBytes(b);
    }

    private static void writeU16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v & 0xff);
    }

    // ---- decoding

    static LicenceStatusHandle decode(byte[] encoded) {
        if (encoded == null || encoded.length < 2 || encoded.length > MAX_ENCODED_BYTES) {
            throw invalid("length out of bounds");
        }
        Reader in = new Reader(encoded);
        if (in.u8() != VERSION) {
            throw invalid("unknown version");
        }
        int type = in.u8();
        LicenceStatusHandle handle;
        try {
            handle = switch (type) {
                // arguments are evaluated left to right (JLS §15.12.4.2), i.e. in the order of the fields
                case TYPE_CERTIFICATE -> new LicenceStatusHandle.CertificateStatus(in.id(),
                        in.bytes(in.u16(), LicenceStatusLimits.MAX_CERTIFICATE_BYTES), in.serial(),
                        in.urls(), in.urls());
                case TYPE_STATUS_LIST -> new LicenceStatusHandle.StatusListEntry(in.id(), in.url(), in.u32());
                case TYPE_NO_STATUS -> new LicenceStatusHandle.NoStatus(in.id());
                default -> throw invalid("unknown type");
            };
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        if (in.remaining() != 0) {
            throw invalid("trailing bytes");
        }
        return handle;
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("invalid licence status handle: " + why);
    }

    /** Reads fields in order; every read checks the bounds first. */
    private static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        int remaining() {
            return b.length - pos;
        }

        int u8() {
            need(1);
            return b[pos++] & 0xff;
        }

        int u16() {
            return u8() << 8 | u8();
        }

        long u32() {
            return (long) u16() << 16 | u16();
        }

        byte[] bytes(int length, int max) {
            if (length < 1 || length > max) {
                throw new IllegalArgumentException("field length out of bounds");
            }
            need(length);
            byte[] out = Arrays.copyOfRange(b, pos, pos + length);
            pos += length;
            return out;
        }

        String id() {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes(u8(), LicenceStatusLimits.MAX_ID_BYTES))).toString();
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("id is not UTF-8");
            }
        }

        BigInteger serial() {
            byte[] s = bytes(u8(), LicenceStatusLimits.MAX_SERIAL_BYTES);
            BigInteger serial = new BigInteger(s);
            if (!Arrays.equals(serial.toByteArray(), s)) {
                throw new IllegalArgumentException("serial is not minimally encoded");
            }
            return serial;
        }

        List<URI> urls() {
            int count = u8();
            if (count > LicenceStatusLimits.MAX_URLS) {
                throw new IllegalArgumentException("too many URLs");
            }
            URI[] urls = new URI[count];
            for (int i = 0; i < count; i++) {
                urls[i] = url();
            }
            return List.of(urls);
        }

        URI url() {
            byte[] ascii = bytes(u16(), LicenceStatusLimits.MAX_URL_BYTES);
            for (byte c : ascii) {
                if (c < 0x21 || c > 0x7e) {
                    throw new IllegalArgumentException("URL is not printable ASCII");
                }
            }
            try {
                return URI.create(new String(ascii, StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("URL does not parse");  // without echoing the bytes
            }
        }

        private void need(int n) {
            if (remaining() < n) {
                throw new IllegalArgumentException("truncated");
            }
        }
    }
}
