package org.heteronym.benchmark;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Benchmarks run in a schema of their own that survives between runs, so a large log is built once. */
public class BenchmarkProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/postgres?search_path=heteronym_bench",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=heteronym_bench",
                "quarkus.flyway.schemas", "heteronym_bench",
                "quarkus.flyway.clean-at-start", "false",
                "quarkus.datasource.reactive.max-size", "64",
                "heteronym.log.origin", "localhost/heteronym-bench/log",
                "heteronym.log.signing-key-file", "keys/dev/local/log-signing.bench.pem",
                "heteronym.log.integration-interval", "0.2s",
                "quarkus.log.level", "WARN",
                // the exchange benchmark issues its codes before the run
                "heteronym.oidc.code-lifetime", "10m");
    }
}
