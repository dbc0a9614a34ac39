package org.heteronym.log;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

@ConfigMapping(prefix = "heteronym.log")
public interface LogConfig {

    /** The checkpoint origin, unique to this log, e.g. {@code heteronym.example.org/log}; also the key name. */
    String origin();

    /** Ed25519 private key (PKCS#8 PEM) that signs checkpoints; mounted from a Kubernetes Secret in production. */
    Path signingKeyFile();

    /** How often the sequencer looks for new appends. */
    @WithDefault("0.2s")
    Duration integrationInterval();

    /** Most entries integrated under one checkpoint. */
    @WithDefault("5000")
    int batchMax();

    /** How long an append that asked to wait for its checkpoint waits before answering "pending". */
    @WithDefault("10s")
    Duration maxWait();
}
