package org.heteronym.member.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.heteronym.member.LicenceMonitor;

/** Lets the operator run the licence monitor now, e.g. after an authority announces revocations. */
@Path("/admin/v1/licence-monitor/runs")
@RolesAllowed("operator")
@SecurityRequirement(name = "jwt")
public class LicenceMonitorResource {

    private final LicenceMonitor monitor;

    LicenceMonitorResource(LicenceMonitor monitor) {
        this.monitor = monitor;
    }

    /** Runs to completion and answers the counts (no member ids). */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<LicenceMonitor.Run> run() {
        return monitor.run();
    }
}
