package org.heteronym.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The CycloneDX SBOM the build writes (target/heteronym-bom.json) describes what ships: every jar of the packaged
 * application (target/quarkus-app/lib) at the version that ships, every component with a version and a package URL,
 * and one release of the Bouncy Castle jars the cryptography depends on.
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
        // Quarkus names its jars group.artifact-version.jar: each must be a component of the SBOM at that version
        Set<String> listed = new HashSet<>();
        for (JsonNode component : bom.path("components")) {
            listed.add(component.path("group").asText() + "." + component.path("name").asText() + "-"
                    + component.path("version").asText() + ".jar");
        }
        List<String> unlisted = new ArrayList<>();
        for (String dir : List.of("main", "boot")) {
            try (var jars = Files.list(Path.of("target", "quarkus-app", "lib", dir))) {
                jars.map(jar -> jar.getFileName().toString()).filter(jar -> !listed.contains(jar))
                        .forEach(unlisted::add);
            }
        }
        assertTrue(unlisted.isEmpty(), "shipped but not in the SBOM: " + unlisted);
    }
}
