package org.heteronym.deployment;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One kustomize overlay rendered by {@code kubectl kustomize} (the same renderer {@code kubectl apply -k} uses) and
 * read into the fabric8 Kubernetes model, which is generated from Kubernetes's own OpenAPI schemas. Custom resources
 * without a model (CloudNativePG's) come back as generic resources.
 */
record RenderedOverlay(String yaml, List<HasMetadata> objects) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static RenderedOverlay render(Path overlay) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(false)
                .start();
        byte[] out = kubectl.getInputStream().readAllBytes();
        String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + overlay + " failed: " + err);
        }
        String yaml = new String(out, StandardCharsets.UTF_8);
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (!document.isBlank()) {
                objects.add(SERIALIZATION.unmarshal(document));
            }
        }
        return new RenderedOverlay(yaml, objects);
    }

    /** The one object of this class and name; fails if there is none. */
    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Custom resources of this kind (read as generic resources). */
    List<HasMetadata> ofKind(String kind) {
        return objects.stream().filter(o -> o.getKind().equals(kind)).toList();
    }

    /** Copies the k8s folder to a scratch directory, so that a test can add secrets or plant a defect. */
    static Path copyOfK8s(Path scratch) throws IOException {
        Path source = Path.of("k8s");
        try (var files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = scratch.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    if (!file.getFileName().toString().equals("secrets")) {
                        Files.createDirectories(target);
                    }
                } else if (!source.relativize(file).toString().contains("/secrets/")) {
                    Files.copy(file, target);
                }
            }
        }
        return scratch;
    }
}
