package org.heteronym.credential;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.List;

/**
 * What a {@link LicenceStatusHandle} may hold. The records' constructors enforce these, so every handle that exists
 * can be encoded and {@link LicenceStatusCodec} never has to refuse a value it is given, only bytes it reads.
 */
final class LicenceStatusLimits {

    static final int MAX_ID_BYTES = 255;
    /** Real CA certificates are 1 to 3 KiB. */
    static final int MAX_CERTIFICATE_BYTES = 16 * 1024;
    /** RFC 5280 §4.1.2.2 allows 20 octets; room for non-conforming CAs. */
    static final int MAX_SERIAL_BYTES = 32;
    static final int MAX_URLS = 8;
    static final int MAX_URL_BYTES = 1024;
    static final int MAX_ENCODED_BYTES = 2 + (1 + MAX_ID_BYTES) + (2 + MAX_CERTIFICATE_BYTES) + (1 + MAX_SERIAL_BYTES)
            + 2 * (1 + MAX_URLS * (2 + MAX_URL_BYTES));

    private LicenceStatusLimits() {
    }

    /** The id's UTF-8 bytes. */
    static byte[] checkId(String id) {
        if (id == null || id.isBlank() || id.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("id missing, blank or with control characters");
        }
        byte[] utf8;
        try {
            ByteBuffer buf = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(id));
            utf8 = Arrays.copyOf(buf.array(), buf.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("id is not valid Unicode");
        }
        if (utf8.length > MAX_ID_BYTES) {
            throw new IllegalArgumentException("id too long");
        }
        return utf8;
    }

    /** One X.509 certificate in DER, nothing before or after it. */
    static byte[] checkCertificate(byte[] der) {
        if (der == null || der.length < 1 || der.length > MAX_CERTIFICATE_BYTES) {
            throw new IllegalArgumentException("issuer certificate missing or too large");
        }
        byte[] parsed;
        try {
            parsed = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der))
                    .getEncoded();
        } catch (CertificateException | RuntimeException e) {
            throw new IllegalArgumentException("issuer certificate does not parse");
        }
        if (!Arrays.equals(parsed, der)) {  // PEM, or bytes after the certificate
            throw new IllegalArgumentException("issuer certificate is not exactly one DER certificate");
        }
        return der;
    }

    static void checkSerial(BigInteger serial) {
        if (serial == null || serial.toByteArray().length > MAX_SERIAL_BYTES) {
            throw new IllegalArgumentException("serial missing or too long");
        }
    }

    static List<URI> checkUrls(List<URI> urls) {
        List<URI> copy = List.copyOf(urls);
        if (copy.size() > MAX_URLS) {
            throw new IllegalArgumentException("too many URLs");
        }
        copy.forEach(LicenceStatusLimits::checkUrl);
        return copy;
    }

    /** An absolute http(s) URL with a host, in printable ASCII, at most {@link #MAX_URL_BYTES} long. */
    static void checkUrl(URI url) {
        if (!usable(url)) {
            throw new IllegalArgumentException("URL missing, too long, not printable ASCII or not http(s) with a host");
        }
    }

    /** The first {@link #MAX_URLS} URLs a handle can hold. */
    static List<URI> usableUrls(List<URI> urls) {
        return urls.stream().filter(LicenceStatusLimits::usable).limit(MAX_URLS).toList();
    }

    private static boolean usable(URI url) {
        if (url == null) {
            return false;
        }
        String s = url.toString();
        return !s.isEmpty() && s.length() <= MAX_URL_BYTES
                && s.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)
                && ("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                && url.getHost() != null;
    }

    static List<String> texts(List<URI> urls) {
        return urls.stream().map(URI::toString).toList();
    }
}
