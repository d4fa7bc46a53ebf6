package no.krr.reconcile;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import no.krr.admin.AdminApi;
import no.krr.admin.JobReports;
import no.krr.admin.StartedBy;
import no.krr.security.AuthSettings;
import no.krr.web.BoundedBody;
import no.krr.web.Problem;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Start a reconciliation, follow it, and read its findings (docs/api.md §3). */
@Path("v1/reconciliations")
@RequestScoped
@RolesAllowed(AuthSettings.ADMIN_ROLE)
@Tag(name = "admin: reconciliations", description = "The batch verifier against the upstream register")
@SecurityRequirement(name = AdminApi.SECURITY_SCHEME)
public class ReconciliationResource {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ReconciliationResource.class.getName());
    static final int MAX_LIMIT = Findings.MAX_PAGE;
    static final String CSV = "text/csv";

    @Inject
    Reconciliations reconciliations;

    @Inject
    Findings findings;

    @Inject
    JobReports jobs;

    @Inject
    JsonWebToken caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a reconciliation",
            description = "`{\"mode\":\"VERIFY\"}` reports every difference and changes no person; `{\"mode\":\"RECONCILE\"}` also "
                    + "repairs them, never overwriting a person changed after the run read it. A RECONCILE clears persons "
                    + "upstream calls SLETTET or IKKE_REGISTRERT only when they are at most krr.reconcile.max-deletions "
                    + "(500), or at most the body's allowDeletions; otherwise it clears none, applies the other repairs, "
                    + "lists the clearings with action HELD and ends FAILED with the reason. One run at a time across the cluster.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            example = "{\"mode\":\"VERIFY\"}"))
    @APIResponse(responseCode = "202", description = "Started; Location names the reconciliation")
    @APIResponse(responseCode = "400", description = "The body is not {\"mode\":\"VERIFY\"|\"RECONCILE\"} "
            + "(a RECONCILE optionally with \"allowDeletions\": a whole number from 0)")
    @APIResponse(responseCode = "409", description = "A reconciliation is already running somewhere in the cluster")
    @APIResponse(responseCode = "413", description = "The body is larger than 16 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response start(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) throws IOException {
        ReconciliationRequest request;
        try {
            request = ReconciliationRequest.parse(
                    new String(BoundedBody.read(contentLength, body, BoundedBody.JSON_MAX_BYTES), StandardCharsets.UTF_8));
        } catch (BoundedBody.TooLarge e) {
            return e.response();
        } catch (IllegalArgumentException e) {
            return Problem.of(400, "invalid-body", "Invalid body", e.getMessage()).response().build();
        }
        try {
            long id = reconciliations.start(request.mode(), request.allowDeletions(), "admin", StartedBy.of(caller));
            JobExecution execution = BatchRuntime.getJobOperator().getJobExecution(id);
            return jobs.accepted(execution);
        } catch (Reconciliations.AlreadyRunning e) {
            return Problem.of(409, "already-running", "Already running", e.getMessage() + ".").response().build();
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Status and report of a reconciliation",
            description = "Batch status, mode, times, startedBy and history (as for a job), counts (checked, matched, discrepancies, corrected, upstreamErrors, one per kind) "
                    + "and progress (done of total, percent, perSecond, etaSeconds).")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "404", description = "No such reconciliation")
    public Response status(@PathParam("id") long id) {
        return execution(id).map(e -> Response.ok(jobs.report(e)).build()).orElseGet(() -> notFound(id));
    }

    @GET
    @Path("{id}/discrepancies")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "The findings of a reconciliation",
            description = "A page of findings in a stable order; pass `next` as `after` for the following page. "
                    + "With `Accept: text/csv` the whole list (of the kind, if given) as CSV.")
    @APIResponse(responseCode = "200", description = "{\"items\":[{personidentifikator, kind, local, upstream, action}…], \"next\"}",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = CSV)})
    @APIResponse(responseCode = "400", description = "Unknown kind, bad limit or bad cursor")
    @APIResponse(responseCode = "404", description = "No such reconciliation")
    public Response discrepancies(@PathParam("id") long id,
                                  @Parameter(description = "One discrepancy kind, e.g. SPRAAK_LOCAL_NEWER") @QueryParam("kind") String kind,
                                  @Parameter(description = "Page size, 1..1000") @QueryParam("limit") @DefaultValue("100") int limit,
                                  @Parameter(description = "The `next` of the previous page") @QueryParam("after") String after,
                                  @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        Optional<JobExecution> execution = execution(id);
        if (execution.isEmpty()) {
            return notFound(id);
        }
        Optional<DiscrepancyKind> filter;
        long afterId;
        try {
            filter = kind == null || kind.isBlank() ? Optional.empty() : Optional.of(DiscrepancyKind.valueOf(kind));
            afterId = after == null || after.isBlank() ? 0 : FindingsCursor.decode(after);
        } catch (IllegalArgumentException e) {
            return Problem.of(400, "invalid-query", "Invalid query", "kind must be one of "
                    + Arrays.toString(DiscrepancyKind.values()) + ", and after a cursor from a previous page.").response().build();
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return Problem.of(400, "invalid-limit", "Invalid limit", "limit must be between 1 and " + MAX_LIMIT + ".")
                    .response().build();
        }
        long runId = runOf(execution.get());
        boolean csv = headers.getAcceptableMediaTypes().stream().anyMatch(m -> m.isCompatible(MediaType.valueOf(CSV)) && !m.isWildcardType());
        if (csv) {
            LOG.info(() -> "Discrepancies of reconciliation " + id + filter.map(k -> " (kind " + k + ")").orElse("")
                    + " exported as CSV by " + StartedBy.of(caller));
            return Response.ok((StreamingOutput) output -> findings.writeCsv(runId, filter, output), CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"discrepancies-" + id + ".csv\"").build();
        }
        Findings.Page page = findings.page(runId, filter, afterId, limit);
        JsonArrayBuilder items = Json.createArrayBuilder();
        page.items().forEach(d -> items.add(json(d)));
        JsonObjectBuilder body = Json.createObjectBuilder().add("items", items);
        page.next().ifPresent(next -> body.add("next", next));
        return Response.ok(body.build(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static JsonObjectBuilder json(Discrepancy d) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("personidentifikator", d.personidentifikator().value())
                .add("kind", d.kind().name());
        d.localValue().ifPresent(v -> json.add("local", v));
        d.upstreamValue().ifPresent(v -> json.add("upstream", v));
        json.add("action", d.action().name());
        d.detail().ifPresent(v -> json.add("detail", v));
        return json;
    }

    private static Optional<JobExecution> execution(long id) {
        try {
            JobExecution execution = BatchRuntime.getJobOperator().getJobExecution(id);
            return Reconciliations.JOB.equals(execution.getJobName()) ? Optional.of(execution) : Optional.empty();
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    private static long runOf(JobExecution execution) {
        long instanceId = BatchRuntime.getJobOperator().getJobInstance(execution.getExecutionId()).getInstanceId();
        return RunIds.of(instanceId, execution.getJobParameters());
    }

    private static Response notFound(long id) {
        return Problem.of(404, "no-such-reconciliation", "No such reconciliation",
                "There is no reconciliation with execution id " + id + ".").response().build();
    }
}
