package no.krr.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
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
import java.util.logging.Logger;
import no.krr.person.AuditEntry;
import no.krr.person.AuditTrail;
import no.krr.person.NationalId;
import no.krr.person.RegisterTimestamps;
import no.krr.security.AuthSettings;
import no.krr.web.Problem;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's audit trail: every change a citizen or a job made, newest first. Every read is logged: who, and whose trail (masked). */
@Path("v1/persons")
@RequestScoped
@RolesAllowed(AuthSettings.ADMIN_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin: persons", description = "Audit trail of a person")
@SecurityRequirement(name = AdminApi.SECURITY_SCHEME)
public class PersonAuditResource {

    static final int MAX_LIMIT = 1000;

    private static final Logger LOG = Logger.getLogger(PersonAuditResource.class.getName());

    @Inject
    AuditTrail audit;

    @Inject
    JsonWebToken caller;

    @GET
    @Path("{pid}/audit")
    @Operation(summary = "A person's audit trail",
            description = "Every change of the person's data, newest first: field, old and new value, time, who (citizen or "
                    + "job), for a citizen the token's client_id, consumer organisation, acr and jti, for a job its "
                    + "execution id and who started it (startedBy).")
    @APIResponse(responseCode = "200", description = "The trail (empty when nothing was ever changed)")
    @APIResponse(responseCode = "400", description = "Not a valid national id, or a bad limit")
    public Response trail(@PathParam("pid") String pid, @QueryParam("limit") @DefaultValue("100") int limit) {
        Optional<NationalId> id = NationalId.parse(pid);
        if (id.isEmpty()) {
            return Problem.of(400, "invalid-pid", "Invalid national id",
                    "The path does not name a valid national id.").response().build();
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return Problem.of(400, "invalid-limit", "Invalid limit", "limit must be between 1 and " + MAX_LIMIT + ".")
                    .response().build();
        }
        return trail(new AuditQuery(id.get(), limit));
    }

    @POST
    @Path("audit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A person's audit trail, the national id in the body",
            description = "The same as GET /admin/v1/persons/{pid}/audit, for a caller that keeps national ids out of URLs "
                    + "(the console): body {\"personidentifikator\":\"<11 digits>\",\"limit\":100}, limit optional (1..1000).")
    @APIResponse(responseCode = "200", description = "The trail (empty when nothing was ever changed)")
    @APIResponse(responseCode = "400", description = "Not a valid national id, a bad limit, or another body")
    public Response search(String body) {
        AuditQuery query;
        try {
            query = AuditQuery.parse(body);
        } catch (IllegalArgumentException e) {
            return Problem.of(400, "invalid-audit-query", "Invalid request", e.getMessage()).response().build();
        }
        return trail(query);
    }

    private Response trail(AuditQuery query) {
        LOG.info(() -> "Audit trail of " + query.person() + " read by " + StartedBy.of(caller) + " (limit " + query.limit() + ")");
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (AuditEntry entry : audit.of(query.person(), query.limit())) {
            items.add(json(entry));
        }
        return Response.ok(Json.createObjectBuilder()
                .add("personidentifikator", query.person().value())
                .add("items", items)
                .build()).build();
    }

    private static JsonObjectBuilder json(AuditEntry entry) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("field", entry.field());
        entry.oldValue().ifPresent(v -> json.add("old", v));
        entry.newValue().ifPresent(v -> json.add("new", v));
        json.add("changedAt", RegisterTimestamps.format(entry.changedAt()))
                .add("actor", entry.actor());
        entry.clientId().ifPresent(v -> json.add("clientId", v));
        entry.consumerOrgno().ifPresent(v -> json.add("consumerOrgno", v));
        entry.acr().ifPresent(v -> json.add("acr", v));
        entry.jti().ifPresent(v -> json.add("jti", v));
        entry.jobExecutionId().ifPresent(v -> json.add("jobExecutionId", v));
        entry.startedBy().ifPresent(v -> json.add("startedBy", v));
        return json;
    }
}
