package org.heteronym.crypto.order;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The order package is a pure core, and only its verifier makes a verified order. */
class CourtOrderPackageTest {

    @Test
    void verifiedCourtOrderHasNoPublicOrProtectedConstructor() {
        assertTrue(Modifier.isFinal(VerifiedCourtOrder.class.getModifiers()));
        for (Constructor<?> k : VerifiedCourtOrder.class.getDeclaredConstructors()) {
            assertTrue(!Modifier.isPublic(k.getModifiers()) && !Modifier.isProtected(k.getModifiers()), k.toString());
        }
    }

    @Test
    void orderPackageImportsOnlyTheJdkAndBouncyCastle() throws Exception {
        // no Quarkus, no HTTP, no database: the offline audit tool must be able to run it from the log alone
        Path dir = Path.of("src/main/java/org/heteronym/crypto/order");
        List<Path> sources;
        try (var files = Files.list(dir)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path f : sources) {
            for (String line : Files.readAllLines(f)) {
                if (line.startsWith("import ")) {
                    assertTrue(line.matches("import (static )?(java\\.|javax\\.security\\.auth\\.x500\\."
                            + "|org\\.bouncycastle\\.|org\\.heteronym\\.crypto\\.order\\.).*"), f + ": " + line);
                }
            }
        }
        assertTrue(sources.size() >= 6, "walked the order sources");
    }
}
