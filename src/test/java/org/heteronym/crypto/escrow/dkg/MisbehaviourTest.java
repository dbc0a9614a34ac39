package org.heteronym.crypto.escrow.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.heteronym.crypto.escrow.Scalar;
import org.heteronym.crypto.escrow.TestDrbg;
import org.heteronym.crypto.escrow.dkg.DkgAbortException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every kind of misbehaviour is caught and the culprit named: a cheating participant (2 of a 2-of-3 ceremony,
 * whose Round 1 message the tests craft and sign with its own key) or the coordinator (which relays the lists).
 */
class MisbehaviourTest {
    private static final int T = 2;
    private static final int N = 3;
    private static final int COMMITMENT_OFFSET = Round1Message.HEADER_LENGTH;
    private static final int POP_OFFSET = COMMITMENT_OFFSET + 33 * T;
    private static final int FRAMES_OFFSET = POP_OFFSET + 65 + 33;

    private final InProcessCeremony c = new InProcessCeremony(T, N, "misbehaviour");
    private final List<Scalar> evilCoefficients = List.of(Scalar.random(new TestDrbg("evil-a0")),
            Scalar.random(new TestDrbg("evil-a1")));
    private final Scalar evilEphemeral = Scalar.random(new TestDrbg("evil-e"));

    /** Participant 2's Round 1 message with chosen shares, signed by participant 2. */
    private byte[] evilRound1(List<Scalar> shares) {
        return Round1Message.create(c.params, 2, c.keys.get(1), evilCoefficients, evilEphemeral, shares);
    }

    private List<Scalar> honestShares() {
        List<Scalar> s = new ArrayList<>();
        for (int j = 1; j <= N; j++) {
            s.add(CocktailP256.evaluate(evilCoefficients, j));
        }
        return s;
    }

    /** Participant 2 signs whatever body results from the mutation of its honest message body. */
    private byte[] evilResigned(Consumer<byte[]> mutateBody) {
        byte[] honest = evilRound1(honestShares());
        byte[] body = Arrays.copyOf(honest, honest.length - 65);
        mutateBody.accept(body);
        return Round1Message.sign(c.params, 2, c.keys.get(1), body);
    }

    private static List<byte[]> with(List<byte[]> l, int position, byte[] m) {
        List<byte[]> out = new ArrayList<>(l);
        out.set(position - 1, m);
        return out;
    }

    private static byte[] flipped(byte[] m, int offset) {
        byte[] out = m.clone();
        out[offset] ^= 0x01;
        return out;
    }

    private static DkgAbortException aborts(Reason reason, int culprit, Executable step) {
        DkgAbortException e = assertThrows(DkgAbortException.class, step);
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(culprit, e.culprit(), e.getMessage());
        return e;
    }

    @Test
    void aShareInconsistentWithTheSendersCommitmentIsCaughtAndNamedByItsVictim() throws Exception {
        List<Scalar> shares = new ArrayList<>(honestShares());
        shares.set(2, shares.get(2).add(Scalar.of(1)));
        List<byte[]> r1 = with(c.round1(), 2, evilRound1(shares));
        DkgAbortException e = aborts(Reason.SHARE_INCONSISTENT, 2, () -> c.participant(3).round2(r1));
        assertTrue(e.getMessage().contains("participant 2"));
        c.participant(1).round2(r1); // participant 1's own share is fine: only the victim can tell
    }

    @Test
    void aShareThatDoesNotDecryptIsNamed() throws Exception {
        int ct3 = FRAMES_OFFSET + 56 * 2 + 8;
        List<byte[]> r1 = with(c.round1(), 2, evilResigned(body -> body[ct3 + 5] ^= 0x40));
        aborts(Reason.DECRYPTION_FAILED, 2, () -> c.participant(3).round2(r1));
    }

    @Test
    void aBadProofOfPossessionIsCaughtAndNamed() {
        byte[] otherContextPop = CocktailP256.sign(evilCoefficients.get(0), "not the PoP message".getBytes());
        byte[] m = evilResigned(body -> System.arraycopy(otherContextPop, 0, body, POP_OFFSET, 65));
        List<byte[]> r1 = with(c.round1(), 2, m);
        aborts(Reason.BAD_PROOF_OF_POSSESSION, 2, () -> c.participant(1).round2(r1));
        aborts(Reason.BAD_PROOF_OF_POSSESSION, 2, () -> c.participant(3).round2(r1));
        aborts(Reason.BAD_PROOF_OF_POSSESSION, 2, () -> TranscriptVerifier.checkRound1Message(c.params, 2, m));
    }

    @Test
    void aRogueCommitmentWithoutKnowledgeOfItsDiscreteLogFailsThePop() {
        // C_{2,0} replaced by another party's commitment point: the PoP under a_{2,0} no longer matches it.
        List<byte[]> honest = c.round1();
        byte[] stolen = Arrays.copyOfRange(honest.get(0), COMMITMENT_OFFSET, COMMITMENT_OFFSET + 33);
        byte[] m = evilResigned(body -> System.arraycopy(stolen, 0, body, COMMITMENT_OFFSET, 33));
        aborts(Reason.BAD_PROOF_OF_POSSESSION, 2, () -> c.participant(3).round2(with(honest, 2, m)));
    }

    @Test
    void aTamperedOrForgedRound1SignatureIsCaught() {
        List<byte[]> r1 = c.round1();
        byte[] tampered = flipped(r1.get(1), r1.get(1).length - 10);
        aborts(Reason.BAD_SIGNATURE, 2, () -> c.participant(1).round2(with(r1, 2, tampered)));
        byte[] body = Arrays.copyOf(r1.get(1), r1.get(1).length - 65);
        byte[] signedByParticipant3 = Round1Message.sign(c.params, 2, c.keys.get(2), body);
        aborts(Reason.BAD_SIGNATURE, 2, () -> c.participant(3).round2(with(r1, 2, signedByParticipant3)));
    }

    @Test
    void aTamperedBodyUnderAnHonestSignatureIsCaught() {
        List<byte[]> r1 = c.round1();
        byte[] tampered = flipped(r1.get(1), FRAMES_OFFSET + 20);
        aborts(Reason.BAD_SIGNATURE, 2, () -> c.participant(1).round2(with(r1, 2, tampered)));
    }

    @Test
    void aTamperedCertEqSignatureIsCaught() throws Exception {
        List<byte[]> r2 = c.round2(c.round1());
        aborts(Reason.BAD_SIGNATURE, 3, () -> c.participant(1).finish(with(r2, 3, flipped(r2.get(2), 40))));
    }

    @Test
    void aCertEqSignatureByTheWrongKeyIsCaught() throws Exception {
        List<byte[]> r2 = c.round2(c.round1());
        byte[] swapped = r2.get(2).clone();
        System.arraycopy(r2.get(1), 6, swapped, 6, 65); // participant 2's valid signature in 3's message
        aborts(Reason.BAD_SIGNATURE, 3, () -> c.participant(2).finish(with(r2, 3, swapped)));
    }

    @Test
    void aRound2MessageWhoseViewCarriesAnUnsignedRound1MessageIsBlamedOnItsSender() throws Exception {
        List<byte[]> r2 = c.round2(c.round1());
        int viewOfParticipant1 = 6 + 65;
        aborts(Reason.BAD_SIGNATURE, 3,
                () -> c.participant(1).finish(with(r2, 3, flipped(r2.get(2), viewOfParticipant1 + 3))));
    }

    @Test
    void equivocationDifferentRound1MessagesToDifferentParticipantsIsCaughtAndProven() throws Exception {
        List<byte[]> r1 = c.round1();
        byte[] other = new Participant(c.params, 2, c.keys.get(1), new TestDrbg("second-version")).round1();
        List<byte[]> viewOf3 = with(r1, 2, other);
        List<byte[]> r2 = List.of(c.participant(1).round2(r1), c.participant(2).round2(r1),
                c.participant(3).round2(viewOf3));
        for (int victim : new int[] {1, 3}) {
            DkgAbortException e = aborts(Reason.EQUIVOCATION, 2, () -> c.participant(victim).finish(r2));
            EquivocationEvidence evidence = e.evidence().orElseThrow();
            assertEquals(2, evidence.participant());
            assertTrue(evidence.verify(c.params));
            EquivocationEvidence decoded = EquivocationEvidence.decode(evidence.encode());
            assertArrayEquals(evidence.encode(), decoded.encode());
            assertTrue(decoded.verify(c.params));
            assertFalse(decoded.verify(new InProcessCeremony(T, N, "another-ceremony").params));
        }
        aborts(Reason.EQUIVOCATION, 2, () -> TranscriptVerifier.verify(new DkgTranscript(c.params, r1, r2)));
    }

    @Test
    void twoDifferentSignedRound1MessagesInOneListAreEquivocation() {
        List<byte[]> r1 = c.round1();
        byte[] other = new Participant(c.params, 2, c.keys.get(1), new TestDrbg("second-version")).round1();
        DkgAbortException e = aborts(Reason.EQUIVOCATION, 2, () -> c.participant(1).round2(with(r1, 3, other)));
        assertTrue(e.evidence().orElseThrow().verify(c.params));
    }

    @Test
    void reorderedMessagesAreRejectedAndBlameTheCoordinator() throws Exception {
        List<byte[]> r1 = c.round1();
        List<byte[]> swapped = List.of(r1.get(1), r1.get(0), r1.get(2));
        aborts(Reason.REORDERED, DkgAbortException.COORDINATOR, () -> c.participant(3).round2(swapped));
        InProcessCeremony d = new InProcessCeremony(T, N, "reordered-round-2");
        List<byte[]> r2 = d.round2(d.round1());
        aborts(Reason.REORDERED, DkgAbortException.COORDINATOR,
                () -> d.participant(1).finish(List.of(r2.get(0), r2.get(2), r2.get(1))));
    }

    @Test
    void aMissingMessageIsRejectedAndBlamesTheCoordinator() throws Exception {
        List<byte[]> r1 = c.round1();
        aborts(Reason.WRONG_MESSAGE_COUNT, DkgAbortException.COORDINATOR,
                () -> c.participant(1).round2(r1.subList(0, 2)));
        aborts(Reason.WRONG_MESSAGE_COUNT, DkgAbortException.COORDINATOR, () -> c.participant(2).round2(null));
        InProcessCeremony d = new InProcessCeremony(T, N, "missing-round-2");
        List<byte[]> r2 = d.round2(d.round1());
        aborts(Reason.WRONG_MESSAGE_COUNT, DkgAbortException.COORDINATOR,
                () -> d.participant(1).finish(r2.subList(1, 3)));
    }

    @Test
    void aDuplicatedMessageIsRejectedAndBlamesTheCoordinator() {
        List<byte[]> r1 = c.round1();
        aborts(Reason.DUPLICATE, DkgAbortException.COORDINATOR,
                () -> c.participant(3).round2(List.of(r1.get(0), r1.get(0), r1.get(2))));
    }

    @Test
    void aTruncatedMessageIsRejected() throws Exception {
        List<byte[]> r1 = c.round1();
        byte[] cut = Arrays.copyOf(r1.get(1), r1.get(1).length - 1);
        aborts(Reason.BAD_SIGNATURE, 2, () -> c.participant(1).round2(with(r1, 2, cut)));
        byte[] tiny = Arrays.copyOf(r1.get(1), 3);
        aborts(Reason.MALFORMED, 2, () -> c.participant(3).round2(with(r1, 2, tiny)));
        InProcessCeremony d = new InProcessCeremony(T, N, "truncated-round-2");
        List<byte[]> r2 = d.round2(d.round1());
        aborts(Reason.MALFORMED, 3,
                () -> d.participant(1).finish(with(r2, 3, Arrays.copyOf(r2.get(2), r2.get(2).length - 1))));
    }

    @Test
    void aSignedMessageOfTheWrongLengthIsBlamedOnItsSigner() {
        byte[] longer = evilRound1(honestShares());
        byte[] body = Arrays.copyOf(longer, longer.length - 65 + 1);
        byte[] m = Round1Message.sign(c.params, 2, c.keys.get(1), body);
        aborts(Reason.MALFORMED, 2, () -> c.participant(1).round2(with(c.round1(), 2, m)));
    }

    @Test
    void aCommitmentOfMoreThanTPointsThresholdElevationIsRejected() {
        CeremonyParameters elevated = new CeremonyParameters(c.params.sessionId(), T + 1, c.params.participantKeys());
        assertEquals(c.params.context(), elevated.context()); // t is not in the context: the length check catches it
        List<Scalar> a = List.of(evilCoefficients.get(0), evilCoefficients.get(1), Scalar.of(7));
        byte[] m = Round1Message.create(elevated, 2, c.keys.get(1), a, evilEphemeral);
        DkgAbortException e = aborts(Reason.MALFORMED, 2, () -> c.participant(1).round2(with(c.round1(), 2, m)));
        assertTrue(e.getMessage().contains("exactly t points"));
    }

    @Test
    void anIdentityCommitmentPointIsRejected() {
        byte[] m = evilResigned(body -> Arrays.fill(body, COMMITMENT_OFFSET + 33, COMMITMENT_OFFSET + 66, (byte) 0));
        aborts(Reason.MALFORMED, 2, () -> c.participant(1).round2(with(c.round1(), 2, m)));
    }

    @Test
    void aCiphertextFrameOtherThanFortyEightBytesIsRejected() {
        byte[] m = evilResigned(body -> body[FRAMES_OFFSET + 7] = 49);
        aborts(Reason.MALFORMED, 2, () -> c.participant(1).round2(with(c.round1(), 2, m)));
    }

    @Test
    void aMessageFromAnotherCeremonyIsRejected() {
        CeremonyParameters other = new CeremonyParameters("another ceremony".getBytes(StandardCharsets.US_ASCII), T,
                c.params.participantKeys());
        byte[] m = new Participant(other, 2, c.keys.get(1), new TestDrbg("other")).round1();
        aborts(Reason.BAD_SIGNATURE, 2, () -> c.participant(1).round2(with(c.round1(), 2, m)));
    }

    @Test
    void anAlteredOwnMessageBlamesTheCoordinator() {
        List<byte[]> r1 = c.round1();
        aborts(Reason.OWN_MESSAGE_ALTERED, DkgAbortException.COORDINATOR,
                () -> c.participant(1).round2(with(r1, 1, flipped(r1.get(0), 50))));
    }

    @Test
    void afterAnAbortTheParticipantRefusesEveryFurtherStep() {
        List<byte[]> r1 = c.round1();
        aborts(Reason.WRONG_MESSAGE_COUNT, 0, () -> c.participant(1).round2(List.of()));
        assertThrows(IllegalStateException.class, () -> c.participant(1).round2(r1));
        assertThrows(IllegalStateException.class, () -> c.participant(1).finish(List.of()));
    }

    @Test
    void theCoordinatorCanCheckEachMessageOnReceipt() throws Exception {
        List<byte[]> r1 = c.round1();
        for (int i = 1; i <= N; i++) {
            TranscriptVerifier.checkRound1Message(c.params, i, r1.get(i - 1));
        }
        aborts(Reason.MALFORMED, 1, () -> TranscriptVerifier.checkRound1Message(c.params, 1, r1.get(1)));
        List<byte[]> r2 = c.round2(r1);
        for (int i = 1; i <= N; i++) {
            TranscriptVerifier.checkRound2Message(c.params, r1, i, r2.get(i - 1));
        }
        aborts(Reason.BAD_SIGNATURE, 2,
                () -> TranscriptVerifier.checkRound2Message(c.params, r1, 2, flipped(r2.get(1), 7)));
    }
}
