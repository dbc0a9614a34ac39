package org.heteronym.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The CycloneDX SBOM the build writes (target/heteronym-bom.json) describes what ships: every component with a
 * version and a package URL, one release of each library family the cryptography depends on, and nothing that only
 * the tests use.
 */
class SbomIT {

    @Test
    void theBillOfMaterialsListsWhatShipsAndOnlyThat() throws Exception {
        JsonNode bom = new ObjectMapper().readTree(Files.readAllBytes(Path.of("target", "heteronym-bom.json")));
        assertEquals("CycloneDX", bom.path("bomFormat").asText());
        assertEquals("heteronym", bom.path("metadata").path("component").path("name").asText());
        Map<String, Set<String>> versionsByGroup = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (JsonNode component : bom.path("components")) {
            String name = component.path("group").asText() + ":" + component.path("name").asText();
            assertFalse(component.path("version").asText().isEmpty(), name + " has no version");
            assertTrue(component.path("purl").asText().startsWith("pkg:maven/"), name + " has no package URL");
            names.add(name);
            versionsByGroup.computeIfAbsent(component.path("group").asText(), g -> new HashSet<>())
                    .add(component.path("version").asText());
        }
        assertTrue(names.size() > 100, "the runtime's libraries: " + names.size());
        for (String shipped : Set.of("org.bouncycastle:bcprov-jdk18on", "org.bouncycastle:bcpkix-jdk18on",
                "io.quarkus:quarkus-core", "io.smallrye:smallrye-jwt", "org.postgresql:postgresql")) {
            assertTrue(names.contains(shipped), shipped + " is missing from the SBOM");
        }
        assertEquals(1, versionsByGroup.get("org.bouncycastle").size(),
                "one Bouncy Castle release: " + versionsByGroup.get("org.bouncycastle"));
        for (String testOnly : Set.of("io.rest-assured:rest-assured", "org.junit.jupiter:junit-jupiter-api",
                "com.nimbusds:oauth2-oidc-sdk", "org.seleniumhq.selenium:selenium-java")) {
            assertFalse(names.contains(testOnly), testOnly + " is a test library and must not be listed");
        }
    }
}
