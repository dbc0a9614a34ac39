package org.heteronym.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.heteronym.crypto.note.Ed25519PrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the dev and prod overlays of k8s/ and holds every object to the Kubernetes schemas (the fabric8 model, no
 * unknown field anywhere; CloudNativePG's through {@link CloudNativePg}) and to what the deployment promises: two or
 * more hardened replicas with probes and limits, selectors that select the service's pods, every referenced Secret
 * and ConfigMap present or documented as made outside the overlay, every setting the service requires supplied, a
 * default-deny network, and a three-instance database with backups in production. Defects planted in a copy must be
 * caught.
 */
class KubernetesManifestsTest {

    private static final Map<String, String> POD_LABELS = Map.of("app.kubernetes.io/name", "heteronym",
            "app.kubernetes.io/component", "service");
    /** Secrets an overlay does not render: CloudNativePG makes the first two, the operator the others (k8s/README.md). */
    private static final Set<String> MADE_OUTSIDE = Set.of("heteronym-db-app", "heteronym-db-ca", "heteronym-tls",
            "heteronym-backup-s3");
    private static final Set<String> MADE_BY_MAKE_SECRETS = Set.of("heteronym-keys", "heteronym-session");

    @TempDir
    Path scratch;

    @Test
    void theDevOverlayRendersValidObjectsWithItsOwnGeneratedKeys() throws Exception {
        Path k8s = RenderedOverlay.copyOfK8s(scratch);
        makeSecrets(k8s.resolve("overlays/dev/secrets"));
        RenderedOverlay dev = RenderedOverlay.render(k8s.resolve("overlays/dev"));
        assertValid(dev, "heteronym-dev", Set.of());
        assertEquals(1, CloudNativePg.cluster(dev.ofKind("Cluster").getFirst()).spec().instances());
        assertTrue(dev.ofKind("ScheduledBackup").isEmpty(), "no backups of a development database");
    }

    @Test
    void theProdOverlayRendersValidObjectsAndLeavesTheKeysToTheOperator() throws Exception {
        RenderedOverlay prod = RenderedOverlay.render(Path.of("k8s/overlays/prod"));
        assertValid(prod, "heteronym", MADE_BY_MAKE_SECRETS);
        assertTrue(prod.all(Secret.class).isEmpty(), "no key in the production manifests");
        Deployment service = prod.get(Deployment.class, "heteronym");
        assertTrue(service.getSpec().getReplicas() >= 3);
        assertTrue(prod.get(HorizontalPodAutoscaler.class, "heteronym").getSpec().getMinReplicas() >= 3);
        assertTrue(prod.get(PodDisruptionBudget.class, "heteronym").getSpec().getMinAvailable().getIntVal() >= 2);
        assertTrue(container(service).getImage().matches("[a-z0-9.-]+/[a-z0-9/-]+:[0-9][0-9A-Za-z.-]*"),
                "a registry image with a release tag: " + container(service).getImage());

        CloudNativePg.Cluster database = CloudNativePg.cluster(prod.ofKind("Cluster").getFirst());
        assertEquals(3, database.spec().instances());
        assertEquals("required", database.spec().affinity().podAntiAffinityType(), "instances on different nodes");
        assertNotNull(database.spec().backup().barmanObjectStore().destinationPath());
        CloudNativePg.ScheduledBackup nightly = CloudNativePg.scheduledBackup(prod.ofKind("ScheduledBackup").getFirst());
        assertEquals("heteronym-db", nightly.spec().cluster().name());
        assertEquals(6, nightly.spec().schedule().split(" ").length, "CloudNativePG's schedule has a seconds field");
    }

    @Test
    void makeSecretsWritesKeysTheServiceReadsAndNeverReplacesOne() throws Exception {
        Path dir = scratch.resolve("keys");
        makeSecrets(dir);
        Ed25519PrivateKey.fromPkcs8Pem(Files.readString(dir.resolve("log-signing.pem")));
        ECPrivateKey oidc = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getMimeDecoder().decode(Files.readString(dir.resolve("oidc-signing-1.pem"))
                        .replaceAll("-----[A-Z ]+-----", ""))));
        assertEquals(256, oidc.getParams().getOrder().bitLength());
        for (String secret : List.of("member-secret.b64", "pseudonym-secret.b64")) {
            assertEquals(32, Base64.getDecoder().decode(Files.readString(dir.resolve(secret)).strip()).length);
        }
        String pseudonymSecret = Files.readString(dir.resolve("pseudonym-secret.b64"));
        makeSecrets(dir);
        assertEquals(pseudonymSecret, Files.readString(dir.resolve("pseudonym-secret.b64")),
                "a second run keeps every key");
    }

    @Test
    void plantedDefectsAreCaught() throws Exception {
        Path k8s = RenderedOverlay.copyOfK8s(scratch);
        assertCaught(k8s, "base/deployment.yaml", "readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true",
                "readOnlyRootFileSystem");
        assertCaught(k8s, "base/deployment.yaml", "path: /q/health/ready", "path: /ready", "/q/health/ready");
        assertCaught(k8s, "base/service.yaml", "component: service", "component: api", "selects the pods");
        assertCaught(k8s, "base/networkpolicies.yaml", "policyTypes: [\"Ingress\", \"Egress\"]\n---",
                "policyTypes: [\"Ingress\"]\n---", "but was: <[Ingress]>");
        assertCaught(k8s, "overlays/prod/patches.yaml", "  HETERONYM_RELAY_DOMAIN: \"relay.heteronym.example.org\"\n",
                "  HETERONYM_RELAY_DOMIAN: \"relay.heteronym.example.org\"\n", "HETERONYM_RELAY_DOMIAN sets nothing");
        assertCaught(k8s, "base/database.yaml", "  instances: 3", "  instance: 3", "instance");
        assertCaught(k8s, "base/deployment.yaml", "secretName: heteronym-keys", "secretName: heteronym-key",
                "Secret heteronym-key is nowhere");
        assertCaught(k8s, "base/ingress.yaml", "- path: /\n            pathType: Exact",
                "- path: /\n            pathType: Prefix", "/q/health/ready must not be reachable");
        assertCaught(k8s, "base/ingress.yaml", "- path: /oidc/\n", "- path: /oidc/token\n",
                "/oidc/authorize is part of the API but no Ingress routes it");
    }

    /** Plants one defect in a copy, expects the prod overlay to fail for that reason, and takes it out again. */
    private static void assertCaught(Path k8s, String file, String good, String bad, String reason) throws Exception {
        Path path = k8s.resolve(file);
        String original = Files.readString(path);
        assertTrue(original.contains(good), file + " has no " + good);
        Files.writeString(path, original.replace(good, bad));
        try {
            Throwable caught = assertThrows(Throwable.class, () -> assertValid(RenderedOverlay.render(
                    k8s.resolve("overlays/prod")), "heteronym", MADE_BY_MAKE_SECRETS), bad);
            assertTrue(String.valueOf(caught.getMessage()).contains(reason), "caught for another reason: " + caught);
        } finally {
            Files.writeString(path, original);
        }
    }

    private static void assertValid(RenderedOverlay overlay, String namespace, Set<String> keySecrets)
            throws Exception {
        for (HasMetadata object : overlay.objects()) {
            String name = object.getKind() + " " + object.getMetadata().getName();
            List<String> unknown = StrictModel.unknownFields(object);
            assertTrue(unknown.isEmpty(), name + " has fields Kubernetes does not define: " + unknown);
            if (!(object instanceof Namespace)) {
                assertEquals(namespace, object.getMetadata().getNamespace(), name + " is in the overlay's namespace");
            }
        }
        overlay.ofKind("Cluster").forEach(CloudNativePg::cluster);
        overlay.ofKind("ScheduledBackup").forEach(CloudNativePg::scheduledBackup);
        assertEquals(namespace, overlay.all(Namespace.class).getFirst().getMetadata().getName());
        assertEquals("restricted", overlay.all(Namespace.class).getFirst().getMetadata().getLabels()
                .get("pod-security.kubernetes.io/enforce"));

        Deployment deployment = overlay.get(Deployment.class, "heteronym");
        assertTrue(deployment.getSpec().getReplicas() >= 2, "two or more replicas");
        assertEquals(POD_LABELS, deployment.getSpec().getTemplate().getMetadata().getLabels());
        assertEquals(POD_LABELS, deployment.getSpec().getSelector().getMatchLabels());
        assertHardened(deployment.getSpec().getTemplate().getSpec());
        assertReferencesResolve(overlay, deployment, keySecrets);
        assertSettingsComplete(overlay.get(ConfigMap.class, "heteronym-config"), deployment);

        Service service = overlay.get(Service.class, "heteronym");
        assertEquals(POD_LABELS, service.getSpec().getSelector(), "the Service selects the pods");
        Set<String> containerPorts = container(deployment).getPorts().stream().map(p -> p.getName())
                .collect(Collectors.toSet());
        for (ServicePort port : service.getSpec().getPorts()) {
            assertTrue(containerPorts.contains(port.getTargetPort().getStrVal()), "target port " + port);
        }
        for (Ingress ingress : overlay.all(Ingress.class)) {
            assertFalse(ingress.getSpec().getTls().isEmpty(), "TLS at the ingress");
            assertEquals(ingress.getSpec().getTls().getFirst().getHosts().getFirst(),
                    ingress.getSpec().getRules().getFirst().getHost());
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                assertEquals("heteronym", path.getBackend().getService().getName());
                assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> p.getName().equals(
                        path.getBackend().getService().getPort().getName())));
            }));
        }
        assertRoutesExactlyThePublicApi(overlay.all(Ingress.class));
        assertEquals(POD_LABELS, overlay.get(PodDisruptionBudget.class, "heteronym").getSpec().getSelector()
                .getMatchLabels());
        HorizontalPodAutoscaler hpa = overlay.get(HorizontalPodAutoscaler.class, "heteronym");
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals("heteronym", hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2 && hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas());
        ServiceMonitor monitor = overlay.get(ServiceMonitor.class, "heteronym");
        assertEquals(POD_LABELS, monitor.getSpec().getSelector().getMatchLabels());
        assertEquals("/q/metrics", monitor.getSpec().getEndpoints().getFirst().getPath());

        assertNetworkIsClosed(overlay);
    }

    /**
     * Every path of the API reference, the assets and the passkey script are routed; the management paths (health,
     * metrics, the API document) and the development endpoints are not; a filing carrying a 4 MiB order gets through.
     */
    private static void assertRoutesExactlyThePublicApi(List<Ingress> ingresses) throws Exception {
        List<String> api = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("docs/api/openapi.yaml"))) {
            if (line.matches("  /\\S*:")) {
                api.add(line.strip().replaceAll(":$", "").replaceAll("\\{[^}]*}", "x"));
            }
        }
        assertTrue(api.size() > 40, "read the API reference: " + api.size() + " paths");
        api.addAll(List.of("/assets/heteronym.css", "/q/webauthn/webauthn.js"));
        for (String path : api) {
            assertTrue(route(ingresses, path).isPresent(), path + " is part of the API but no Ingress routes it");
        }
        for (String internal : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui",
                "/dev/staff-token", "/q/dev-ui")) {
            assertTrue(route(ingresses, internal).isEmpty(), internal + " must not be reachable from outside");
        }
        Ingress filings = route(ingresses, "/disclosure/v1/requests").orElseThrow();
        assertEquals("8m", filings.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-body-size"),
                "a filing carries the order document (4 MiB, base64)");
    }

    /** The Ingress whose most specific path matches, as ingress-nginx chooses (Exact before the longest Prefix). */
    private static java.util.Optional<Ingress> route(List<Ingress> ingresses, String path) {
        Ingress best = null;
        int bestLength = -1;
        for (Ingress ingress : ingresses) {
            for (var rule : ingress.getSpec().getRules()) {
                for (var candidate : rule.getHttp().getPaths()) {
                    String p = candidate.getPath();
                    boolean exact = "Exact".equals(candidate.getPathType()) && p.equals(path);
                    String prefix = p.endsWith("/") ? p : p + "/";
                    boolean prefixed = "Prefix".equals(candidate.getPathType())
                            && (path.equals(p) || path.startsWith(prefix) || p.equals("/"));
                    int length = exact ? Integer.MAX_VALUE : p.length();
                    if ((exact || prefixed) && length > bestLength) {
                        best = ingress;
                        bestLength = length;
                    }
                }
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private static void assertHardened(PodSpec pod) {
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken());
        Container container = pod.getContainers().getFirst();
        assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(Boolean.FALSE, container.getSecurityContext().getPrivileged());
        assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
        for (String resource : List.of("cpu", "memory")) {
            assertNotNull(container.getResources().getRequests().get(resource), "request " + resource);
            assertNotNull(container.getResources().getLimits().get(resource), "limit " + resource);
        }
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/started", container.getStartupProbe().getHttpGet().getPath());
        Set<String> mounted = container.getVolumeMounts().stream().map(VolumeMount::getMountPath)
                .collect(Collectors.toSet());
        assertTrue(mounted.contains("/tmp"), "a writable /tmp beside the read-only root");
    }

    /** Every Secret and ConfigMap the pods use is rendered, or made by make-secrets.sh, CloudNativePG or the operator. */
    private static void assertReferencesResolve(RenderedOverlay overlay, Deployment deployment, Set<String> keySecrets) {
        Set<String> secrets = overlay.all(Secret.class).stream().map(s -> s.getMetadata().getName())
                .collect(Collectors.toSet());
        Set<String> external = new HashSet<>(MADE_OUTSIDE);
        external.addAll(keySecrets);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Set<String> used = new TreeSet<>();
        for (Volume volume : pod.getVolumes()) {
            if (volume.getSecret() != null) {
                used.add(volume.getSecret().getSecretName());
            }
        }
        for (EnvVar env : container(deployment).getEnv()) {
            if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                used.add(env.getValueFrom().getSecretKeyRef().getName());
            }
        }
        for (String name : used) {
            assertTrue(secrets.contains(name) || external.contains(name), "Secret " + name + " is nowhere");
        }
        container(deployment).getEnvFrom().forEach(source -> overlay.get(ConfigMap.class,
                source.getConfigMapRef().getName()));
    }

    /**
     * The ConfigMap supplies every {@code ${VARIABLE}} that application.properties requires without a default, names
     * only settings the service has, and points key files into the mounted key Secret.
     */
    private static void assertSettingsComplete(ConfigMap config, Deployment deployment) throws Exception {
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        Set<String> supplied = new HashSet<>(config.getData().keySet());
        container(deployment).getEnv().forEach(env -> supplied.add(env.getName()));
        Matcher required = Pattern.compile("\\$\\{(HETERONYM_[A-Z_]+)}").matcher(properties);
        while (required.find()) {
            assertTrue(supplied.contains(required.group(1)), "the service needs " + required.group(1));
        }
        Set<String> known = Pattern.compile("(?m)^(?:%[a-z]+\\.)?(heteronym\\.[a-z.-]+)=").matcher(properties)
                .results().map(m -> m.group(1).toUpperCase().replaceAll("[.-]", "_")).collect(Collectors.toSet());
        for (String key : config.getData().keySet()) {
            if (key.startsWith("HETERONYM_")) {
                assertTrue(known.contains(key) || properties.contains("${" + key + "}"), key + " sets nothing");
            }
        }
        VolumeMount keys = container(deployment).getVolumeMounts().stream()
                .filter(m -> m.getName().equals("keys")).findFirst().orElseThrow();
        config.getData().forEach((key, value) -> {
            if (key.startsWith("HETERONYM_") && key.matches(".*_FILES?")) {
                for (String file : value.split(",")) {
                    assertTrue(file.startsWith(keys.getMountPath() + "/"), key + " is in the key Secret");
                }
            }
        });
    }

    /** Default deny both ways; each allow names the service's pods or the database's. */
    private static void assertNetworkIsClosed(RenderedOverlay overlay) {
        NetworkPolicy deny = overlay.get(NetworkPolicy.class, "default-deny");
        assertTrue(deny.getSpec().getPodSelector().getMatchLabels() == null
                || deny.getSpec().getPodSelector().getMatchLabels().isEmpty());
        assertEquals(Set.of("Ingress", "Egress"), Set.copyOf(deny.getSpec().getPolicyTypes()));
        assertTrue(deny.getSpec().getIngress() == null || deny.getSpec().getIngress().isEmpty());
        assertTrue(deny.getSpec().getEgress() == null || deny.getSpec().getEgress().isEmpty());
        assertEquals(POD_LABELS, overlay.get(NetworkPolicy.class, "heteronym-from-ingress").getSpec()
                .getPodSelector().getMatchLabels());
        assertEquals(Map.of("cnpg.io/cluster", "heteronym-db"), overlay.get(NetworkPolicy.class, "heteronym-db")
                .getSpec().getPodSelector().getMatchLabels());
        assertEquals(POD_LABELS, overlay.get(NetworkPolicy.class, "heteronym-db").getSpec().getIngress().getFirst()
                .getFrom().getFirst().getPodSelector().getMatchLabels(), "only the service reaches the database");
        // the service's way out: its database, DNS, and HTTP(S) for JWKS, logout URIs, status lists, OCSP and CRLs
        Set<Integer> egressPorts = overlay.get(NetworkPolicy.class, "heteronym-egress").getSpec().getEgress().stream()
                .flatMap(rule -> rule.getPorts().stream()).map(port -> port.getPort().getIntVal())
                .collect(Collectors.toSet());
        assertEquals(Set.of(5432, 53, 443, 80), egressPorts);
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private static void makeSecrets(Path dir) throws Exception {
        Process script = new ProcessBuilder("bash", "k8s/make-secrets.sh", dir.toString()).redirectErrorStream(true)
                .start();
        String out = new String(script.getInputStream().readAllBytes());
        assertTrue(script.waitFor(60, TimeUnit.SECONDS) && script.exitValue() == 0, out);
    }
}
