package org.heteronym.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.heteronym.deployment.LocalContainer.Volume;
import org.heteronym.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * The container image that {@code ./mvnw package -Pimage} writes, run as the Deployment in k8s/base runs it: its
 * own entry point, user, working directory and environment, the base ConfigMap's settings, keys made by
 * k8s/make-secrets.sh and mounted where and as the Secret volume mounts them, a read-only root filesystem with a
 * 64 MiB /tmp, no capabilities. Only what this machine cannot give is replaced, each below with its reason: the
 * database (the local PostgreSQL, its own schema), the port, and the staff identity provider's key. It must become
 * ready. Runs only with -Pimage (which names the tarball) and as root (mount namespace, chroot, setuid).
 */
class ContainerImageIT {

    private static final String SCHEMA = "heteronym_image_it";
    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    @Test
    void theImageRunsAsTheDeploymentRunsItAndBecomesReady() throws Exception {
        String tarball = System.getProperty("heteronym.image.tarball");
        assumeTrue(tarball != null, "the image is built and run only with -Pimage");
        assumeTrue(ImageArchive.tool("id", "-u").output().strip().equals("0"),
                "running the image needs root (mount namespace, chroot, setuid)");
        Deployment deployment = k8s("deployment.yaml", Deployment.class);
        Map<String, String> settings = k8s("configmap.yaml", ConfigMap.class).getData();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().getFirst();

        Path work = Path.of("target", "it", "container-image");
        ImageArchive image = ImageArchive.unpack(Path.of(tarball), work.resolve("image"));

        // what the manifests rely on
        assertTrue(image.repoTags().contains(container.getImage() + ":dev"),
                "the name k8s/base refers to, with the tag k8s/overlays/dev sets: " + image.repoTags());
        assertEquals(pod.getSecurityContext().getRunAsUser() + ":" + pod.getSecurityContext().getRunAsGroup(),
                image.config().user(), "the image's user is the one the Deployment runs as");
        assertTrue(image.config().exposedPorts().contains(container.getPorts().getFirst().getContainerPort() + "/tcp"),
                "exposed port " + image.config().exposedPorts());
        assertTrue(container.getCommand().isEmpty() && container.getArgs().isEmpty(), "the image's entry point runs");
        assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(List.of(), writableByAnyone(image.rootfs()), "only /tmp may be writable by the service's user");
        assertTrue(image.config().labels().keySet().containsAll(
                List.of("org.heteronym.base.java", "org.heteronym.base.libc6")), "base versions " + image.config());
        for (String shell : List.of("bin/sh", "usr/bin/sh", "bin/bash", "usr/bin/bash")) {
            assertFalse(Files.exists(image.rootfs().resolve(shell), LinkOption.NOFOLLOW_LINKS), "no shell: " + shell);
        }

        // the keys as an operator makes them, mounted as the Secret volume mounts them (defaultMode 0440, fsGroup)
        Path keys = work.resolve("keys");
        ImageArchive.tool("rm", "-rf", keys.toString());
        ImageArchive.tool("k8s/make-secrets.sh", keys.toString());
        String group = String.valueOf(pod.getSecurityContext().getFsGroup());
        ImageArchive.tool("chown", "-R", "0:" + group, keys.toString());
        ImageArchive.tool("chmod", "0750", keys.toString());
        try (var files = Files.list(keys)) {
            for (Path file : files.toList()) {
                ImageArchive.tool("chmod", "0440", file.toString());
            }
        }
        Path databaseCa = Files.createDirectories(work.resolve("db-ca"));
        Map<String, Volume> volumes = Map.of(
                "keys", Volume.bind(keys, mountPath(container, "keys"), true),
                "db-ca", Volume.bind(databaseCa, mountPath(container, "db-ca"), true),
                "tmp", Volume.tmpfs(mountPath(container, "tmp"), "64m"));
        assertEquals(volumes.keySet(), container.getVolumeMounts().stream().map(VolumeMount::getName)
                .collect(Collectors.toSet()), "every volume of the Deployment is mounted here");

        // the environment: the image's, then the ConfigMap's (envFrom), then the Deployment's from Secrets
        Map<String, String> environment = new LinkedHashMap<>(image.config().env());
        environment.putAll(settings);
        Map<String, String> secrets = Map.of(
                "heteronym-db-app/username", "postgres",
                "heteronym-db-app/password", "unused-with-trust-authentication",
                "heteronym-session/encryption-key", Files.readString(keys.resolve("session-encryption-key")).strip());
        for (EnvVar variable : container.getEnv()) {
            var reference = variable.getValueFrom().getSecretKeyRef();
            String value = secrets.get(reference.getName() + "/" + reference.getKey());
            assertTrue(value != null, "a value for " + variable.getName());
            environment.put(variable.getName(), value);
        }
        // ... and what differs on this machine: the host's network (a free port on loopback rather than the pod's
        // own 8080), the local PostgreSQL without TLS in a schema of its own (rather than CloudNativePG's
        // database "app" over verify-full), and a staff identity provider's key file (there is no provider here)
        int port = freePort();
        ServiceProcess.dropSchema(SCHEMA);
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.put("HETERONYM_PUBLIC_URL", "http://localhost:" + port);
        environment.put("QUARKUS_DATASOURCE_REACTIVE_URL",
                "postgresql://127.0.0.1:5432/postgres?search_path=" + SCHEMA);
        environment.put("QUARKUS_DATASOURCE_JDBC_URL",
                "jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=" + SCHEMA);
        environment.put("QUARKUS_FLYWAY_SCHEMAS", SCHEMA);
        environment.put("QUARKUS_FLYWAY_CREATE_SCHEMAS", "true");
        environment.put("QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE", "disable");
        environment.keySet().removeIf(name -> name.startsWith("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM")
                || name.equals("QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM"));
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", mountPath(container, "keys") + "/staff-idp.public.pem");

        Path log = work.resolve("service.log");
        Process service = new LocalContainer(image, environment, List.copyOf(volumes.values())).start(log);
        try {
            awaitReady(service, port, log);
            String status = Files.readString(Path.of("/proc", String.valueOf(service.pid()), "status"));
            assertTrue(status.contains("\nUid:\t10001\t10001\t10001\t10001\n"), status);
            assertTrue(status.contains("\nGid:\t10001\t10001\t10001\t10001\n"), status);
            assertTrue(status.contains("\nCapEff:\t0000000000000000\n"), status);
            // the service migrated its schema and its log signs checkpoints (the first within moments of the start)
            HttpResponse<String> checkpoint = get(port, "/log/checkpoint");
            for (int tries = 0; checkpoint.statusCode() == 404 && tries < 150; tries++) {
                Thread.sleep(200);
                checkpoint = get(port, "/log/checkpoint");
            }
            assertEquals(200, checkpoint.statusCode(), checkpoint.body());
            assertTrue(checkpoint.body().startsWith(settings.get("HETERONYM_LOG_ORIGIN") + "\n"), checkpoint.body());
        } finally {
            service.destroy();
            if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        assertEquals(143, service.exitValue(), "stopped by SIGTERM, as the kubelet stops it");
    }

    private static <T> T k8s(String file, Class<T> type) throws IOException {
        return YAML.unmarshal(Files.readString(Path.of("k8s", "base", file)), type);
    }

    private static String mountPath(Container container, String volume) {
        return container.getVolumeMounts().stream().filter(m -> m.getName().equals(volume)).findFirst()
                .orElseThrow(() -> new AssertionError("no mount of volume " + volume)).getMountPath();
    }

    /** Files and directories the service's user could change: owned by it, or writable by everyone (bar /tmp). */
    private static List<String> writableByAnyone(Path rootfs) throws IOException {
        List<String> found = new ArrayList<>();
        try (var files = Files.walk(rootfs)) {
            for (Path file : files.toList()) {
                if (Files.isSymbolicLink(file) || file.equals(rootfs.resolve("tmp"))) {
                    continue;
                }
                PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                Set<PosixFilePermission> permissions = attributes.permissions();
                int owner = (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                if (owner != 0 || permissions.contains(PosixFilePermission.OTHERS_WRITE)
                        || permissions.contains(PosixFilePermission.GROUP_WRITE)) {
                    found.add("/" + rootfs.relativize(file) + " " + owner + " "
                            + java.nio.file.attribute.PosixFilePermissions.toString(permissions));
                }
            }
        }
        return found;
    }

    private static void awaitReady(Process service, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new AssertionError("the container exited with " + service.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<String> ready = get(port, "/q/health/ready");
                if (ready.statusCode() == 200) {
                    assertTrue(ready.body().contains("\"UP\""), ready.body());
                    return;
                }
            } catch (IOException e) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 120 s:\n" + tail(log));
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
