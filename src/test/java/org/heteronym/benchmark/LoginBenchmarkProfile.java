package org.heteronym.benchmark;

import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark schema with the production connection pool (application.properties), not the log benchmark's 64
 * connections: on two cores, 64 PostgreSQL backends serving one short statement each cost the exchange run about a
 * sixth of its throughput in context switches.
 */
public class LoginBenchmarkProfile extends BenchmarkProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.remove("quarkus.datasource.reactive.max-size");
        return overrides;
    }
}
