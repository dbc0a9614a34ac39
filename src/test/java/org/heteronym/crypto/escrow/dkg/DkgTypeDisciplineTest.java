package org.heteronym.crypto.escrow.dkg;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values that only a verified ceremony may produce cannot be constructed outside the package. */
class DkgTypeDisciplineTest {
    @Test
    void resultsOutcomesAbortsAndEvidenceHaveNoPublicConstructor() {
        for (Class<?> c : List.of(DkgResult.class, CeremonyOutcome.class, DkgAbortException.class,
                EquivocationEvidence.class)) {
            assertTrue(Modifier.isFinal(c.getModifiers()), c + " must be final");
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                int mod = k.getModifiers();
                assertTrue(!Modifier.isPublic(mod) && !Modifier.isProtected(mod), k.toString());
            }
        }
    }

    @Test
    void internalMessageAndCiphersuiteClassesAreNotPublic() {
        for (Class<?> c : List.of(Round1Message.class, Round2Message.class, VerifiedRound1.class, CocktailP256.class,
                XAes256Gcm.class, Wire.class)) {
            assertFalse(Modifier.isPublic(c.getModifiers()), c.toString());
        }
    }
}
