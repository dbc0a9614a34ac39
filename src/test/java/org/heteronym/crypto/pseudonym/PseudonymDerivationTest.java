package org.heteronym.crypto.pseudonym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The vectors of docs/forums.md, which src/test/resources/independent-verifier/pseudonym-vectors.mjs recomputes
 * with Node.js's crypto module from the document alone, and the properties the forums rely on.
 */
class PseudonymDerivationTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SECRET = new byte[32];
    private static final String MEMBER = "AAECAwQFBgcICQoLDA0ODw";

    static {
        for (int i = 0; i < 32; i++) {
            SECRET[i] = (byte) i;
        }
    }

    private static final byte[] KEY = PseudonymKeys.derive(SECRET).prfKey();

    @Test
    void derivationsMatchTheDocumentedVectors() {
        assertEquals("9aea087675376a995e2088775e045ceea6b24214f315f9e3d52cb740e3936a7b", HEX.formatHex(KEY));

        Pseudonym medforum = Pseudonym.derive(KEY, MEMBER, "medforum");
        assertEquals("5a6a8852af8c1f2514c00c889dbbbc75980657cae3e4d573aaa25ca5a330e893", HEX.formatHex(medforum.bytes()));
        assertEquals("WmqIUq-MHyUUwAyInbu8dZgGV8rj5NVzqqJcpaMw6JM", medforum.subject());
        assertEquals("noble-maize-4631", PseudonymHandle.derive(medforum, 0));
        assertEquals("wise-thyme-1088", PseudonymHandle.derive(medforum, 1));
        assertEquals("denlyeczzhdq247eufsgllg7u4ilkoe4", RelayAddress.localPart(medforum));
        assertEquals("denlyeczzhdq247eufsgllg7u4ilkoe4@relay.heteronym.example",
                RelayAddress.address(medforum, "relay.heteronym.example"));

        Pseudonym doctalk = Pseudonym.derive(KEY, MEMBER, "doctalk");
        assertEquals("d0aa7dee0ce13db87e465b2c7a3befa11054a7d01b2bd05d0413f6fc087fd8d1", HEX.formatHex(doctalk.bytes()));
        assertEquals("0Kp97gzhPbh-RlssejvvoRBUp9AbK9BdBBP2_Ah_2NE", doctalk.subject());
        assertEquals("sassy-reef-3274", PseudonymHandle.derive(doctalk, 0));
        assertEquals("nifty-clove-4511", PseudonymHandle.derive(doctalk, 1));
        assertEquals("rpidmhti2mxp3dlfkrzi2h5d52mkped4", RelayAddress.localPart(doctalk));
    }

    @Test
    void sameMemberAndForumAlwaysGiveTheSameIdentity() {
        Pseudonym once = Pseudonym.derive(KEY, MEMBER, "medforum");
        Pseudonym again = Pseudonym.derive(PseudonymKeys.derive(SECRET.clone()).prfKey(), MEMBER, "medforum");
        assertEquals(once, again);
        assertEquals(once.subject(), again.subject());
        assertEquals(PseudonymHandle.derive(once, 0), PseudonymHandle.derive(again, 0));
        assertEquals(RelayAddress.localPart(once), RelayAddress.localPart(again));
        assertEquals(once, Pseudonym.fromSubject(once.subject()));
    }

    @Test
    void twoForumsSeeUnrelatedSubjectsHandlesAndAddresses() {
        Random random = new Random(5);
        for (int i = 0; i < 200; i++) {
            String member = randomMemberId(random);
            Pseudonym a = Pseudonym.derive(KEY, member, "forum-a");
            Pseudonym b = Pseudonym.derive(KEY, member, "forum-b");
            assertNotEquals(a.subject(), b.subject());
            assertNotEquals(PseudonymHandle.derive(a, 0), PseudonymHandle.derive(b, 0));
            assertNotEquals(RelayAddress.localPart(a), RelayAddress.localPart(b));
            // about half the bits differ: nothing in one forum's subject predicts the other's
            int differing = new BigInteger(1, a.bytes()).xor(new BigInteger(1, b.bytes())).bitCount();
            assertTrue(differing > 80 && differing < 176, "differing bits " + differing);
        }
    }

    @Test
    void twoMembersAtOneForumGetDifferentIdentities() {
        Set<String> subjects = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            Pseudonym p = Pseudonym.derive(KEY, randomMemberId(random), "medforum");
            assertTrue(subjects.add(p.subject()));
            assertTrue(addresses.add(RelayAddress.localPart(p)));
        }
    }

    @Test
    void theMemberIdCannotBeRecoveredOrTestedWithoutTheKey() {
        Pseudonym p = Pseudonym.derive(KEY, MEMBER, "medforum");
        String everything = p.subject() + PseudonymHandle.derive(p, 0) + RelayAddress.localPart(p) + HEX.formatHex(p.bytes());
        assertFalse(everything.contains(MEMBER));
        assertFalse(everything.contains(HEX.formatHex(MEMBER.getBytes(StandardCharsets.US_ASCII))));
        // a forum that guesses the member id cannot check the guess: under any other key the pseudonym differs
        for (byte[] guessKey : List.of(new byte[32], PseudonymKeys.derive(new byte[32]).prfKey(), SECRET)) {
            assertNotEquals(p, Pseudonym.derive(guessKey, MEMBER, "medforum"));
        }
        // one bit of member id changes about half the pseudonym: no structure of the id survives
        String neighbour = "AAECAwQFBgcICQoLDA0ODx";
        int differing = new BigInteger(1, p.bytes())
                .xor(new BigInteger(1, Pseudonym.derive(KEY, neighbour, "medforum").bytes())).bitCount();
        assertTrue(differing > 80 && differing < 176, "differing bits " + differing);
        assertEquals("Pseudonym[redacted]", p.toString());
        assertEquals("PseudonymKeys[redacted]", PseudonymKeys.derive(SECRET).toString());
    }

    @Test
    void memberAndForumFieldsCannotBeShiftedIntoEachOther() {
        assertNotEquals(Pseudonym.derive(KEY, "ab", "c"), Pseudonym.derive(KEY, "a", "bc"));
        assertNotEquals(Pseudonym.derive(KEY, "forum", "member"), Pseudonym.derive(KEY, "member", "forum"));
    }

    @Test
    void handlesAreShortPlainAsciiAndVariantsDiffer() {
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            Pseudonym p = Pseudonym.derive(KEY, randomMemberId(random), "medforum");
            String handle = PseudonymHandle.derive(p, 0);
            assertTrue(handle.matches("[a-z]{3,5}-[a-z]{3,5}-[0-9]{4}"), handle);
            assertTrue(handle.length() >= 12 && handle.length() <= 16, handle);
            assertNotEquals(handle, PseudonymHandle.derive(p, 1));
        }
        assertThrows(IllegalArgumentException.class, () -> PseudonymHandle.derive(Pseudonym.derive(KEY, MEMBER, "f"), -1));
    }

    @Test
    void relayAddressesAreLowerCaseBase32UnderAValidDomain() {
        Pseudonym p = Pseudonym.derive(KEY, MEMBER, "medforum");
        assertTrue(RelayAddress.localPart(p).matches("[a-z2-7]{32}"));
        for (String bad : List.of("", "localhost", "Relay.Example.org", "relay..example.org", "-relay.example.org",
                "relay.example.org.", "relay example.org", "relay.example.123", "x".repeat(64) + ".example.org")) {
            assertThrows(IllegalArgumentException.class, () -> RelayAddress.checkDomain(bad), bad);
        }
        assertEquals("relay.heteronym.invalid", RelayAddress.checkDomain("relay.heteronym.invalid"));
        // RFC 4648 §10's test vector, lower-cased
        assertEquals("mzxw6ytb", RelayAddress.base32("fooba".getBytes(StandardCharsets.US_ASCII), 5));
    }

    @Test
    void subjectsAreCanonicalBase64url() {
        String subject = Pseudonym.derive(KEY, MEMBER, "medforum").subject();
        assertEquals(43, subject.length());
        assertTrue(subject.matches("[A-Za-z0-9_-]{43}"));
        assertThrows(IllegalArgumentException.class, () -> Pseudonym.fromSubject(subject + "="));
        assertThrows(IllegalArgumentException.class, () -> Pseudonym.fromSubject(subject.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> Pseudonym.fromSubject(subject.replace('-', '+')));
        // the last character carries two unused bits: "WmqI…6JN" decodes to the same bytes but is not the subject
        assertThrows(IllegalArgumentException.class, () -> Pseudonym.fromSubject(subject.substring(0, 42) + "N"));
    }

    @Test
    void secretMustBe32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> PseudonymKeys.derive(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> PseudonymKeys.derive(new byte[33]));
    }

    static String randomMemberId(Random random) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
