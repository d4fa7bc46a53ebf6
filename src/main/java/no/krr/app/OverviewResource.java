package no.krr.app;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.krr.admin.AdminApi;
import no.krr.platform.ReadinessCheck;
import no.krr.reconcile.ReconcileSchedule;
import no.krr.security.AuthSettings;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What an operator looks at first (the console's "Oversikt"): whether the database answers and
 * when the scheduled reconciliation runs next. In the composition root because it joins two
 * features' facts, and no feature should know the other.
 */
@Path("v1/overview")
@RequestScoped
@RolesAllowed(AuthSettings.ADMIN_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin: jobs", description = "Status, stop and restart of batch jobs")
@SecurityRequirement(name = AdminApi.SECURITY_SCHEME)
public class OverviewResource {

    @Inject
    @Readiness
    ReadinessCheck readiness;

    @Inject
    ReconcileSchedule schedule;

    @GET
    @Operation(summary = "The database and the schedule",
            description = "{\"database\":\"UP\"|\"DOWN\",\"schedule\":{\"expression\",\"mode\",\"next\"}}: next is the "
                    + "next scheduled reconciliation (UTC), absent when krr.reconcile.schedule is off.")
    @APIResponse(responseCode = "200", description = "The overview")
    public Response overview() {
        ReconcileSchedule.Plan plan = schedule.plan();
        JsonObjectBuilder scheduled = Json.createObjectBuilder()
                .add("expression", plan.expression())
                .add("mode", plan.mode().name());
        plan.next().ifPresent(next -> scheduled.add("next", next.toString()));
        return Response.ok(Json.createObjectBuilder()
                .add("database", readiness.call().getStatus() == HealthCheckResponse.Status.UP ? "UP" : "DOWN")
                .add("schedule", scheduled)
                .build()).build();
    }
}
