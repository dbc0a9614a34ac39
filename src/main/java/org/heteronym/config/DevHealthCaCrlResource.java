package org.heteronym.config;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.time.Instant;

/**
 * Development only (absent from production builds): the CRL of the development health-professional CA, named by the
 * sample physician's certificate, so that the verifier gets the affirmative revocation answer it requires.
 */
@IfBuildProfile("dev")
@Path(DevHealthCaCrlResource.PATH)
public class DevHealthCaCrlResource {

    static final String PATH = "/dev/credential/dev-test-ca.crl";

    private final DevTrustAnchor anchor;

    DevHealthCaCrlResource(DevTrustAnchor anchor) {
        this.anchor = anchor;
    }

    @GET
    @Blocking
    @Produces("application/pkix-crl")
    public byte[] crl() {
        return anchor.ca().crl(Instant.now());
    }
}
