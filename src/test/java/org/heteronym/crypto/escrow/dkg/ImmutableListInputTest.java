package org.heteronym.crypto.escrow.dkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.heteronym.crypto.escrow.Point;
import org.junit.jupiter.api.Test;

/** Callers hand the participant whatever list type they have; a short list is a relay fault, not a crash. */
class ImmutableListInputTest {

    @Test
    void shortImmutableRound1ListIsBlamedOnTheCoordinator() throws Exception {
        SecureRandom random = new SecureRandom();
        List<StaticKeyPair> keys = List.of(StaticKeyPair.generate(random), StaticKeyPair.generate(random));
        List<Point> publicKeys = new ArrayList<>();
        keys.forEach(k -> publicKeys.add(k.publicKey()));
        CeremonyParameters params = new CeremonyParameters(new byte[16], 2, publicKeys);
        Participant first = new Participant(params, 1, keys.get(0), random);
        byte[] own = first.round1();
        DkgAbortException abort = assertThrows(DkgAbortException.class, () -> first.round2(List.of(own)));
        assertEquals(DkgAbortException.Reason.WRONG_MESSAGE_COUNT, abort.reason());
        assertEquals(DkgAbortException.COORDINATOR, abort.culprit());
    }
}
