package no.krr.importing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import no.krr.admin.AdminApi;
import no.krr.admin.JobReports;
import no.krr.admin.StartedBy;
import no.krr.security.AuthSettings;
import no.krr.web.BoundedBody;
import no.krr.web.Problem;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Starts a bulk import of persons (job {@code import-persons}). */
@Path("v1/imports")
@RequestScoped
@RolesAllowed(AuthSettings.ADMIN_ROLE)
@Tag(name = "admin: imports", description = "Bulk import of persons")
@SecurityRequirement(name = AdminApi.SECURITY_SCHEME)
public class ImportResource {

    public static final String NDJSON = "application/x-ndjson";

    @Inject
    ImportFiles files;

    @Inject
    JobReports jobs;

    @Inject
    Imports imports;

    @Inject
    JsonWebToken caller;

    @POST
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import persons",
            description = "One Person JSON per line (the shape of GET /rest/v1/person with every field). The file is stored, "
                    + "then imported by the batch job `import-persons` in checkpointed chunks: persons are upserted by "
                    + "national id, and a line that fails validation (or is longer than 64 KiB) is skipped and reported with its "
                    + "line number and reason. The body may be at most krr.import.max-bytes (2 GiB by default).")
    @RequestBody(content = @Content(mediaType = NDJSON))
    @APIResponse(responseCode = "202", description = "Import started; Location names the job")
    @APIResponse(responseCode = "400", description = "The body has no line with content")
    @APIResponse(responseCode = "415", description = "Not application/x-ndjson")
    @APIResponse(responseCode = "413", description = "The body is larger than krr.import.max-bytes (2 GiB by default); nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response start(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) throws IOException {
        ImportFiles.Stored stored;
        try {
            BoundedBody.refuseByLength(contentLength, files.maxBytes());
            stored = files.store(body, files.maxBytes());
        } catch (BoundedBody.TooLarge e) {
            return Problem.of(413, "import-too-large", "Import too large", "The import may be at most " + e.limit()
                    + " bytes (krr.import.max-bytes); nothing was stored.").response().build();
        }
        if (stored.lines() == 0) {
            files.delete(stored.path());
            return Problem.of(400, "empty-import", "Empty import", "The body has no line with content.").response().build();
        }
        long id = imports.start(stored, StartedBy.of(caller));
        return jobs.accepted(BatchRuntime.getJobOperator().getJobExecution(id));
    }
}
