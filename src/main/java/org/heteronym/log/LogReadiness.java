package org.heteronym.log;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready when the stored log contradicts the configured key or its own signed history: such a replica must not
 * serve, and an operator must look (docs/log.md). Transient database failures are the datasource check's business.
 */
@Readiness
@ApplicationScoped
public class LogReadiness implements HealthCheck {

    private final Sequencer sequencer;

    LogReadiness(Sequencer sequencer) {
        this.sequencer = sequencer;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("transparency-log").withData("treeSize", sequencer.treeSize());
        return sequencer.integrityFailure()
                .map(reason -> response.down().withData("reason", reason))
                .orElseGet(response::up)
                .build();
    }
}
