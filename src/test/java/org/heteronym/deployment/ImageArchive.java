package org.heteronym.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.heteronym.testing.ExternalCommand;

/**
 * A container image in the tarball form {@code docker save} writes and {@code docker load} reads (manifest.json, the
 * image configuration, one tar per layer), unpacked as a container runtime unpacks it: every layer extracted in order
 * onto one root filesystem, with the owners and modes the layers record.
 */
record ImageArchive(Path rootfs, List<String> repoTags, Config config) {

    /** The parts of the image configuration that decide how a runtime starts the container. */
    record Config(String user, String workingDir, List<String> entrypoint, List<String> cmd,
                  Map<String, String> env, Set<String> exposedPorts, Map<String, String> labels) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Unpacks {@code tarball} into {@code into} (emptied first): {@code into/rootfs} is the container's root. */
    static ImageArchive unpack(Path tarball, Path into) throws IOException, InterruptedException {
        tool("rm", "-rf", into.toString());
        Path archive = Files.createDirectories(into.resolve("archive"));
        Path rootfs = Files.createDirectories(into.resolve("rootfs"));
        tool("tar", "-xf", tarball.toString(), "-C", archive.toString());
        JsonNode manifest = JSON.readTree(archive.resolve("manifest.json").toFile());
        assertEquals(1, manifest.size(), "one image in the tarball");
        JsonNode image = manifest.get(0);
        List<String> layers = strings(image.get("Layers"));
        for (String layer : layers) {
            Path file = archive.resolve(layer);
            // a whiteout would delete a lower layer's file, which plain extraction does not do
            if (tool("tar", "-tf", file.toString()).output().contains(".wh.")) {
                throw new AssertionError("layer " + layer + " has whiteout entries; unpack them as a runtime would");
            }
            tool("tar", "-xpf", file.toString(), "-C", rootfs.toString(), "--numeric-owner");
        }
        JsonNode config = JSON.readTree(archive.resolve(image.get("Config").asText()).toFile()).get("config");
        Map<String, String> env = new LinkedHashMap<>();
        for (String variable : strings(config.get("Env"))) {
            env.put(variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
        }
        Set<String> ports = new TreeSet<>();
        config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        Map<String, String> labels = new LinkedHashMap<>();
        config.path("Labels").properties().forEach(label -> labels.put(label.getKey(), label.getValue().asText()));
        return new ImageArchive(rootfs, strings(image.get("RepoTags")),
                new Config(config.path("User").asText(), config.path("WorkingDir").asText(),
                        strings(config.get("Entrypoint")), strings(config.get("Cmd")), env, ports, labels));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && !array.isNull()) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    static ExternalCommand tool(String... command) throws IOException, InterruptedException {
        ExternalCommand result = ExternalCommand.run(List.of(command));
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + result.output());
        }
        return result;
    }
}
