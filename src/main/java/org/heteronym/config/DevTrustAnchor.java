package org.heteronym.config;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.credential.TrustAnchorRegistry;
import org.heteronym.credential.TrustAnchorRow;
import org.heteronym.credential.TrustAnchorSpec;
import org.jboss.logging.Logger;

/**
 * Development only: creates the development health-professional CA under {@code keys/dev/local/health-ca/} and
 * registers it, through the admin path and so with its log entry, as trust anchor {@value #ID} unless an anchor with
 * that id exists (ids are never reused, so a retired one stays retired).
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevTrustAnchor {

    static final String ID = "dev-test-ca";
    private static final Logger LOG = Logger.getLogger(DevTrustAnchor.class);

    private final DevKeys devKeys;
    private final TrustAnchorRegistry registry;
    private final DevHealthCa ca;
    private final String crlUrl;

    DevTrustAnchor(DevKeys devKeys, TrustAnchorRegistry registry,
                   @ConfigProperty(name = "heteronym.dev-health-ca.directory", defaultValue = "keys/dev/local/health-ca")
                   String directory,
                   @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.devKeys = devKeys;
        this.registry = registry;
        this.ca = new DevHealthCa(Path.of(directory));
        this.crlUrl = "http://localhost:" + port + DevHealthCaCrlResource.PATH;
    }

    DevHealthCa ca() {
        return ca;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!devKeys.enabled()) {
            return;
        }
        if (ca.ensure(crlUrl)) {
            LOG.infof("Generated the development health-professional CA and a physician's certificate in %s",
                    ca.doctorCertificate().getParent());
        }
        boolean exists = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> TrustAnchorRow.findById(ID).map(row -> row != null)));
        if (!exists) {
            VertxContextSupport.subscribeAndAwait(() -> registry.register(new TrustAnchorSpec(ID,
                    List.of(ca.caPem()), null, null, Map.of(
                            DevHealthCa.PHYSICIAN_POLICY, "physician",
                            DevHealthCa.RESIDENT_POLICY, "resident",
                            DevHealthCa.STUDENT_POLICY, "medical-student"))));
            LOG.infof("Registered the development trust anchor %s", ID);
        }
    }
}
