package org.heteronym.credential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.heteronym.credential.LicenceStatusHandle.CertificateStatus;
import org.heteronym.credential.LicenceStatusHandle.NoStatus;
import org.heteronym.credential.LicenceStatusHandle.StatusListEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LicenceStatusHandleTest {

    private static final URI OCSP = URI.create("http://ocsp.igc-sante.example/ocsp");
    private static final URI CRL = URI.create("http://crl.igc-sante.example/hp.crl");

    private static X509TestPki pki;
    private static X509TestPki.Leaf leaf;
    private static CertificateStatus certificate;

    @BeforeAll
    static void pki() throws Exception {
        pki = X509TestPki.create("IGC-Test");
        leaf = pki.leaf().ocsp(OCSP.toString()).crl(CRL.toString()).build();
        certificate = CertificateStatus.forLeaf("fr-igc-sante", pki.ca, leaf.cert());
    }

    private static void assertRefused(byte[] encoded) {
        assertThrows(IllegalArgumentException.class, () -> LicenceStatusHandle.decode(encoded));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    // ---- round trips and the documented test vectors

    @Test
    void certificateHandleFromALeafHoldsItsIssuerSerialAndUrlsAndRoundTrips() throws Exception {
        assertEquals("fr-igc-sante", certificate.anchorId());
        assertArrayEquals(pki.ca.getEncoded(), certificate.issuerCertificateDer());
        assertEquals(leaf.cert().getSerialNumber(), certificate.serial());
        assertEquals(List.of(OCSP), certificate.ocspUrls());
        assertEquals(List.of(CRL), certificate.crlUrls());

        byte[] encoded = certificate.encode();
        LicenceStatusHandle decoded = LicenceStatusHandle.decode(encoded);

        assertEquals(certificate, decoded);
        assertEquals(certificate.hashCode(), decoded.hashCode());
        assertArrayEquals(encoded, decoded.encode());
    }

    @Test
    void statusListEntryEncodesToThePublishedTestVector() {
        StatusListEntry entry =
                new StatusListEntry("medical-council", URI.create("https://status.example/lists/7"), 42);
        byte[] expected = hex("01 02 0f" + HexFormat.of().formatHex("medical-council".getBytes(StandardCharsets.UTF_8))
                + "001e" + HexFormat.of().formatHex("https://status.example/lists/7".getBytes(StandardCharsets.UTF_8))
                + "0000002a");

        assertArrayEquals(expected, entry.encode());
        assertEquals("01020f6d65646963616c2d636f756e63696c001e68747470733a2f2f7374617475732e6578616d706c652f6c6973"
                + "74732f370000002a", HexFormat.of().formatHex(entry.encode()));
        assertEquals(entry, LicenceStatusHandle.decode(expected));
    }

    @Test
    void noStatusEncodesToThePublishedTestVector() {
        NoStatus none = new NoStatus("medical-council");

        assertEquals("01030f6d65646963616c2d636f756e63696c", HexFormat.of().formatHex(none.encode()));
        assertEquals(none, LicenceStatusHandle.decode(none.encode()));
    }

    @Test
    void certificateHandleLayoutIsAsDocumented() throws Exception {
        CertificateStatus small = new CertificateStatus("a", pki.ca.getEncoded(), BigInteger.valueOf(0x80),
                List.of(OCSP), List.of());
        byte[] der = pki.ca.getEncoded();
        byte[] url = OCSP.toString().getBytes(StandardCharsets.US_ASCII);

        assertArrayEquals(concat(hex("01 01 01 61"), new byte[] {(byte) (der.length >>> 8), (byte) der.length}, der,
                hex("02 0080"), hex("01"), new byte[] {0, (byte) url.length}, url, hex("00")), small.encode());
    }

    @Test
    void theHandleHoldsNeitherTheNameNorTheLicenceNumber() throws Exception {
        String encoded = new String(certificate.encode(), StandardCharsets.ISO_8859_1);
        String leafDer = new String(leaf.cert().getEncoded(), StandardCharsets.ISO_8859_1);

        for (String identity : List.of("810001234567", "Alice", "Martin")) {
            assertTrue(leafDer.contains(identity), identity);  // the search would find them, as in the leaf
            assertFalse(encoded.contains(identity), identity);
        }
    }

    // ---- strict decoding

    @Test
    void everyTruncationIsRefused() {
        byte[] encoded = certificate.encode();
        IntStream.range(0, encoded.length).forEach(n -> assertRefused(Arrays.copyOf(encoded, n)));
        byte[] entry = new StatusListEntry("x", OCSP, 1).encode();
        IntStream.range(0, entry.length).forEach(n -> assertRefused(Arrays.copyOf(entry, n)));
    }

    @Test
    void aTrailingByteIsRefused() {
        assertRefused(concat(certificate.encode(), new byte[] {0}));
        assertRefused(concat(new NoStatus("x").encode(), new byte[] {0}));
    }

    @Test
    void unknownVersionOrTypeIsRefused() {
        byte[] encoded = new NoStatus("medical-council").encode();
        for (int version : new int[] {0, 2, 0xff}) {
            byte[] other = encoded.clone();
            other[0] = (byte) version;
            assertRefused(other);
        }
        for (int type : new int[] {0, 4, 0xff}) {
            byte[] other = encoded.clone();
            other[1] = (byte) type;
            assertRefused(other);
        }
    }

    @Test
    void oversizedInputOrFieldsAreRefused() throws Exception {
        assertRefused(new byte[LicenceStatusHandle.MAX_ENCODED_BYTES + 1]);
        // a certificate length field over 16 KiB, with that many bytes present
        assertRefused(concat(hex("01 01 01 61 4001"), new byte[0x4001]));
        // nine OCSP URLs, each valid: the count alone is refused
        byte[] der = pki.ca.getEncoded();
        byte[] url = concat(hex("0009"), "http://a/".getBytes(StandardCharsets.US_ASCII));
        byte[] head = concat(hex("01 01 01 61"), new byte[] {(byte) (der.length >>> 8), (byte) der.length}, der,
                hex("01 01"));
        assertEquals(8, ((CertificateStatus) LicenceStatusHandle.decode(
                concat(head, hex("08"), url, url, url, url, url, url, url, url, hex("00")))).ocspUrls().size());
        assertRefused(concat(head, hex("09"), url, url, url, url, url, url, url, url, url, hex("00")));
        // constructors enforce the same bounds
        assertThrows(IllegalArgumentException.class, () -> new NoStatus("x".repeat(256)));
        assertThrows(IllegalArgumentException.class, () -> new CertificateStatus("a", pki.ca.getEncoded(),
                BigInteger.ONE, java.util.Collections.nCopies(9, OCSP), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new StatusListEntry("a",
                URI.create("https://status.example/" + "l".repeat(1024)), 0));
        assertThrows(IllegalArgumentException.class, () -> new CertificateStatus("a", pki.ca.getEncoded(),
                BigInteger.ONE.shiftLeft(256), List.of(), List.of()));
    }

    @Test
    void zeroLengthOrNonUtf8IdIsRefused() {
        assertRefused(hex("01 03 00"));
        assertRefused(hex("01 03 02 c3 28"));           // invalid UTF-8 sequence
        assertRefused(hex("01 03 02 c0 af"));           // overlong encoding of '/'
        assertRefused(hex("01 03 03 ed a0 80"));        // an encoded UTF-16 surrogate
        assertRefused(hex("01 03 01 0a"));              // a control character
        assertEquals(new NoStatus("é"), LicenceStatusHandle.decode(hex("01 03 02 c3 a9")));
    }

    @Test
    void nonMinimalSerialIsRefused() throws Exception {
        byte[] der = pki.ca.getEncoded();
        byte[] head = concat(hex("01 01 01 61"), new byte[] {(byte) (der.length >>> 8), (byte) der.length}, der);

        assertEquals(BigInteger.valueOf(0x80), ((CertificateStatus) LicenceStatusHandle.decode(
                concat(head, hex("02 0080 00 00")))).serial());
        assertRefused(concat(head, hex("03 000080 00 00")));   // redundant leading zero
        assertRefused(concat(head, hex("02 ffff 00 00")));     // redundant sign byte
        assertRefused(concat(head, hex("00 00 00")));          // empty serial
    }

    @Test
    void urlsMustBePrintableHttpUrlsWithAHost() {
        for (String bad : List.of("ftp://crl.example/x.crl", "http:/no-host", "mailto:a@b", "http://a b/")) {
            byte[] url = bad.getBytes(StandardCharsets.UTF_8);
            assertRefused(concat(hex("01 02 01 61"), new byte[] {0, (byte) url.length}, url, hex("00000000")));
        }
        assertThrows(IllegalArgumentException.class,
                () -> new StatusListEntry("a", URI.create("file:///etc/passwd"), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new StatusListEntry("a", URI.create("https://st\u00e4tus.example/l"), 0));
    }

    @Test
    void statusListIndexOutsideZeroToIntMaxIsRefused() {
        assertRefused(hex("01 02 01 61 0009 687474703a2f2f61 2f 80000000"));
        assertEquals(Integer.MAX_VALUE, ((StatusListEntry) LicenceStatusHandle.decode(
                hex("01 02 01 61 0009 687474703a2f2f612f 7fffffff"))).index());
        assertThrows(IllegalArgumentException.class, () -> new StatusListEntry("a", OCSP, -1));
        assertThrows(IllegalArgumentException.class, () -> new StatusListEntry("a", OCSP, 1L << 31));
    }

    @Test
    void issuerMustBeExactlyOneDerCertificate() throws Exception {
        byte[] der = pki.ca.getEncoded();
        assertThrows(IllegalArgumentException.class,
                () -> new CertificateStatus("a", concat(der, new byte[] {0}), BigInteger.ONE, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new CertificateStatus("a", new byte[] {0x30, 0x00}, BigInteger.ONE, List.of(), List.of()));
        byte[] garbage = concat(hex("01 01 01 61 0003 300100"), hex("01 01 00 00"));
        assertRefused(garbage);
    }

    @Test
    void acceptedMutationsReencodeToTheSameBytes() {
        // canonical: whatever bytes decode accepts, encoding the result gives those bytes back
        Random random = new Random(4);
        List<byte[]> seeds = List.of(certificate.encode(), new StatusListEntry("a", OCSP, 7).encode(),
                new NoStatus("medical-council").encode());
        for (int i = 0; i < 3000; i++) {
            byte[] mutated = seeds.get(i % seeds.size()).clone();
            mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
            try {
                assertArrayEquals(mutated, LicenceStatusHandle.decode(mutated).encode());
            } catch (IllegalArgumentException refused) {
                // refusing is fine
            }
        }
    }

    // ---- value semantics

    @Test
    void issuerBytesAreCopiedInAndOut() throws Exception {
        byte[] der = pki.ca.getEncoded();
        CertificateStatus handle = new CertificateStatus("a", der, BigInteger.TEN, List.of(), List.of());
        der[10] ^= 1;
        handle.issuerCertificateDer()[10] ^= 1;

        assertArrayEquals(pki.ca.getEncoded(), handle.issuerCertificateDer());
    }

    @Test
    void equalityIsByContent() throws Exception {
        CertificateStatus a = new CertificateStatus("a", pki.ca.getEncoded(), BigInteger.TEN, List.of(OCSP), List.of());
        CertificateStatus b = new CertificateStatus("a", pki.ca.getEncoded(), BigInteger.TEN, List.of(OCSP), List.of());

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new CertificateStatus("a", pki.ca.getEncoded(), BigInteger.TWO, List.of(OCSP), List.of()));
        assertNotEquals(a, new CertificateStatus("a", pki.root.getEncoded(), BigInteger.TEN, List.of(OCSP), List.of()));
        // URI.equals ignores the host's case; handles with different encodings must not be equal
        assertNotEquals(new StatusListEntry("a", URI.create("https://A.example/l"), 1),
                new StatusListEntry("a", URI.create("https://a.example/l"), 1));
    }

    @Test
    void toStringLeavesOutSerialIssuerAndIndex() {
        String text = certificate + " " + new StatusListEntry("a", OCSP, 123456);

        assertFalse(text.contains(certificate.serial().toString(16)));
        assertFalse(text.contains(certificate.serial().toString()));
        assertFalse(text.contains("123456"));
        assertFalse(text.contains("IGC-Test"));
    }
}
