package org.heteronym.deployment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/**
 * The part of CloudNativePG's {@code postgresql.cnpg.io/v1} API that our manifests use (its API reference:
 * Cluster, ScheduledBackup), as records read with unknown fields refused, since the fabric8 model has no type for
 * them. A field we add to a manifest must be added here, after checking it against that reference.
 */
final class CloudNativePg {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CloudNativePg() {
    }

    record Cluster(String apiVersion, String kind, Map<String, Object> metadata, ClusterSpec spec) {
    }

    record ClusterSpec(int instances, String imageName, String primaryUpdateStrategy, Bootstrap bootstrap,
                       PostgresConfiguration postgresql, Storage storage, Resources resources, Affinity affinity,
                       Monitoring monitoring, Backup backup) {
    }

    record Bootstrap(InitDb initdb) {
    }

    record InitDb(String database, String owner) {
    }

    record PostgresConfiguration(Map<String, String> parameters) {
    }

    record Storage(String size, String storageClass) {
    }

    record Resources(Map<String, String> requests, Map<String, String> limits) {
    }

    record Affinity(Boolean enablePodAntiAffinity, String topologyKey, String podAntiAffinityType) {
    }

    record Monitoring(Boolean enablePodMonitor) {
    }

    record Backup(String retentionPolicy, BarmanObjectStore barmanObjectStore) {
    }

    record BarmanObjectStore(String destinationPath, S3Credentials s3Credentials, Compression wal, Compression data) {
    }

    record S3Credentials(SecretKeySelector accessKeyId, SecretKeySelector secretAccessKey) {
    }

    record SecretKeySelector(String name, String key) {
    }

    record Compression(String compression) {
    }

    record ScheduledBackup(String apiVersion, String kind, Map<String, Object> metadata, ScheduledBackupSpec spec) {
    }

    record ScheduledBackupSpec(String schedule, String backupOwnerReference, LocalObjectReference cluster) {
    }

    record LocalObjectReference(String name) {
    }

    static Cluster cluster(HasMetadata generic) {
        return STRICT.convertValue(generic, Cluster.class);
    }

    static ScheduledBackup scheduledBackup(HasMetadata generic) {
        return STRICT.convertValue(generic, ScheduledBackup.class);
    }
}
