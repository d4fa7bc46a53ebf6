package no.krr.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import no.krr.security.AuthSettings;
import no.krr.web.Problem;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Status, stop and restart of any job of the service, by Jakarta Batch execution id; stops and restarts are recorded with who did them. */
@Path("v1/jobs")
@RequestScoped
@RolesAllowed(AuthSettings.ADMIN_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin: jobs", description = "Status, stop and restart of batch jobs")
@SecurityRequirement(name = AdminApi.SECURITY_SCHEME)
public class JobResource {

    @Inject
    @Any
    Instance<JobDetails> details;

    @Inject
    JobActions actions;

    @Inject
    JobReports reports;

    @Inject
    JsonWebToken caller;

    static final int MAX_RECENT = 100;

    @GET
    @Operation(summary = "The latest job executions",
            description = "The reports of the latest executions of every job of the service (imports and reconciliations, "
                    + "restarts included), newest first: {\"items\":[report, ...]}. limit is 1..100 (default 20).")
    @APIResponse(responseCode = "200", description = "The reports, newest first")
    @APIResponse(responseCode = "400", description = "A bad limit")
    public Response recent(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > MAX_RECENT) {
            return Problem.of(400, "invalid-limit", "Invalid limit", "limit must be between 1 and " + MAX_RECENT + ".")
                    .response().build();
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        RecentExecutions.of(operator(), details.stream().map(JobDetails::jobName).toList(), limit)
                .forEach(execution -> items.add(reports.report(execution)));
        return Response.ok(Json.createObjectBuilder().add("items", items).build()).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Status of a job execution",
            description = "Batch status, times, who started the job (startedBy: sub=<sub>;client_id=<client_id> of the admin "
                    + "token, or schedule), the stops and restarts of the job (history: action, by, at, execution, newExecution), "
                    + "the job's counts and its progress (done, total, percent, perSecond, etaSeconds).")
    @APIResponse(responseCode = "200", description = "The execution's report")
    @APIResponse(responseCode = "404", description = "No such execution")
    public Response status(@PathParam("id") long id) {
        return find(id).map(execution -> Response.ok(reports.report(execution)).build())
                .orElseGet(() -> notFound(id));
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stop a running execution",
            description = "Asks the execution to stop at its next checkpoint; the stop is recorded in the job's history with who asked.")
    @APIResponse(responseCode = "202", description = "Stop requested; the report follows")
    @APIResponse(responseCode = "404", description = "No such execution")
    @APIResponse(responseCode = "409", description = "The execution is not running")
    public Response stop(@PathParam("id") long id) {
        try {
            operator().stop(id);
            actions.record(id, JobAction.Kind.STOP, StartedBy.of(caller), Optional.empty());
            return Response.accepted(reports.report(operator().getJobExecution(id))).build();
        } catch (NoSuchJobExecutionException e) {
            return notFound(id);
        } catch (JobExecutionNotRunningException e) {
            return Problem.of(409, "job-not-running", "Job not running", "Execution " + id + " is not running.")
                    .response().build();
        }
    }

    @POST
    @Path("{id}/restart")
    @Operation(summary = "Restart a stopped or failed execution",
            description = "Starts a new execution of the same job instance, from its last checkpoint; startedBy stays who started "
                    + "the job, and the restart is recorded in its history with who asked.")
    @APIResponse(responseCode = "202", description = "Restarted; Location names the new execution")
    @APIResponse(responseCode = "404", description = "No such execution")
    @APIResponse(responseCode = "409", description = "The execution completed, is still running, or is not the latest of its job")
    public Response restart(@PathParam("id") long id) {
        try {
            JobExecution original = operator().getJobExecution(id);
            long restarted = reports.detailsOf(original).map(d -> d.restart(original))
                    .orElseGet(() -> operator().restart(id, operator().getParameters(id)));
            actions.record(id, JobAction.Kind.RESTART, StartedBy.of(caller), Optional.of(restarted));
            return reports.accepted(operator().getJobExecution(restarted));
        } catch (NoSuchJobExecutionException e) {
            return restartUnknown(id);
        } catch (JobExecutionAlreadyCompleteException e) {
            return conflict(id, "it completed", e);
        } catch (JobExecutionNotMostRecentException e) {
            return conflict(id, "a later execution of the same job exists", e);
        } catch (JobRestartException e) {
            return conflict(id, e.getMessage() == null ? "it is still running or cannot be restarted" : e.getMessage(), e);
        }
    }

    /** An execution the batch runtime does not know: a job that keeps its own record may still restart it. */
    private Response restartUnknown(long id) {
        for (JobDetails detail : details) {
            Optional<Long> restarted;
            try {
                restarted = detail.restartUnknown(id, StartedBy.of(caller));
            } catch (JobExecutionAlreadyCompleteException e) {
                return conflict(id, "it completed", e);
            } catch (JobRestartException e) {
                return conflict(id, e.getMessage(), e);
            }
            if (restarted.isPresent()) {
                actions.record(id, JobAction.Kind.RESTART, StartedBy.of(caller), restarted);
                return reports.accepted(operator().getJobExecution(restarted.get()));
            }
        }
        return notFound(id);
    }

    private Optional<JobExecution> find(long id) {
        try {
            return Optional.of(operator().getJobExecution(id));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    private static Response notFound(long id) {
        return Problem.of(404, "no-such-job", "No such job execution", "There is no job execution " + id + ".")
                .response().build();
    }

    private static Response conflict(long id, String why, Exception cause) {
        java.util.logging.Logger.getLogger(JobResource.class.getName())
                .info(() -> "Restart of execution " + id + " refused: " + cause);
        return Problem.of(409, "job-not-restartable", "Job cannot be restarted",
                "Execution " + id + " cannot be restarted: " + why + ".").response().build();
    }
}
