package org.heteronym.config;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.file.Files;

import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Development only (absent from production builds): mints a staff token signed by the development staff identity
 * provider key, so that admin endpoints can be tried with curl. In production, staff tokens come from the
 * organisation's own identity provider.
 */
@IfBuildProfile("dev")
@Path("/dev/staff-token")
public class DevStaffTokenResource {

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String publicKeyLocation;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String mint(@QueryParam("role") String role, @QueryParam("subject") String subject) throws Exception {
        String pem = Files.readString(DevKeys.staffPrivateKeyFor(java.nio.file.Path.of(publicKeyLocation)));
        return Jwt.issuer(issuer)
                .subject(subject == null ? "dev-staff" : subject)
                .audience("heteronym")
                .groups(Set.of(role == null ? "operator" : role))
                .expiresIn(3600)
                .jws().algorithm(SignatureAlgorithm.ES256)
                .sign(KeyUtils.decodePrivateKey(pem, SignatureAlgorithm.ES256));
    }
}
