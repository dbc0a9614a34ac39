package org.heteronym.crypto.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values that only verification or decryption may produce cannot be constructed outside the package. */
class TypeDisciplineTest {
    @Test
    void verifiedShareAndOpenedIdentityHaveNoPublicOrProtectedConstructor() {
        for (Class<?> c : List.of(VerifiedShare.class, OpenedIdentity.class)) {
            assertTrue(Modifier.isFinal(c.getModifiers()), c + " must be final");
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                int mod = k.getModifiers();
                assertTrue(!Modifier.isPublic(mod) && !Modifier.isProtected(mod), k.toString());
            }
        }
    }

    @Test
    void openerAcceptsOnlyVerifiedShares() throws Exception {
        Method open = EnvelopeOpener.class.getMethod("open", Envelope.class, List.class, OfficerKeyPair.class,
                EpochKey.class);
        ParameterizedType shares = (ParameterizedType) open.getGenericParameterTypes()[1];
        assertEquals(VerifiedShare.class, shares.getActualTypeArguments()[0]);
    }

    @Test
    void escrowPackageImportsOnlyTheJdkAndBouncyCastle() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("src/main/java/org/heteronym/crypto/escrow");
        int checked = 0;
        try (var files = java.nio.file.Files.walk(dir)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                // Sub-packages (the DKG) may also use the escrow core and the JDK's javax.crypto.
                String allowed = f.getParent().equals(dir) ? "java\\.|org\\.bouncycastle\\."
                        : "java\\.|javax\\.crypto\\.|org\\.bouncycastle\\.|org\\.heteronym\\.crypto\\.escrow\\.";
                for (String line : java.nio.file.Files.readAllLines(f)) {
                    if (line.startsWith("import ")) {
                        assertTrue(line.matches("import (static )?(" + allowed + ").*"), f + ": " + line);
                    }
                }
                checked++;
            }
        }
        assertTrue(checked > 40, "walked the escrow sources and their sub-packages");
    }
}
