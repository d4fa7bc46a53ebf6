package no.krr.person.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.krr.person.Actor;
import no.krr.person.LanguageChange;
import no.krr.person.NationalId;
import no.krr.person.Person;
import no.krr.person.Spraak;
import no.krr.person.StoredPersons;
import no.krr.person.VarslingRule;
import no.krr.security.AuthSettings;
import no.krr.security.CallerToken;
import no.krr.security.CitizenToken;
import no.krr.security.FieldGroup;
import no.krr.security.ScopeFieldGroups;
import no.krr.security.Scopes;
import no.krr.signing.ResponseSigner;
import no.krr.web.BoundedBody;
import no.krr.web.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The user API of the register: the logged-in citizen reads their own record, as JSON or as a
 * signed JWS ({@code application/jose}) whose payload is the very same JSON bytes, and changes
 * their preferred language.
 *
 * <p>Application-scoped: it keeps no state of a request (the caller is the request-scoped
 * {@link CallerToken}, reached through its proxy), and a request-scoped resource cost a bean
 * creation with Payara's reflection over its injection points on every call (bench/RESULTS.md).
 */
@Path("v1/person")
@ApplicationScoped
@CitizenToken
@Tag(name = "person", description = "The logged-in citizen's record in the register")
public class PersonResource {

    static final String JOSE = ResponseSigner.APPLICATION_JOSE;
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String PROBLEM = "application/problem+json";
    // constructors, not MediaType.valueOf or Variant.mediaTypes(…).build(): those ask the JAX-RS
    // runtime, and doing so while the class loads made it unloadable in plain unit tests
    static final MediaType JOSE_TYPE = new MediaType("application", "jose");
    private static final MediaType JSON_UTF8 = new MediaType("application", "json", "UTF-8");
    private static final List<Variant> VARIANTS = List.of(
            new Variant(MediaType.APPLICATION_JSON_TYPE, (String) null, null),
            new Variant(JOSE_TYPE, (String) null, null));

    @Inject
    CallerToken caller;

    @Inject
    AuthSettings auth;

    @Inject
    StoredPersons persons;

    @Inject
    LanguageChange languageChange;

    @Inject
    VarslingRule varslingRule;

    @Inject
    ResponseSigner signer;

    @GET
    @Produces({MediaType.APPLICATION_JSON, JOSE})
    @RolesAllowed({Scopes.KONTAKTINFORMASJON_READ, Scopes.DIGITALPOST_READ,
            Scopes.LEGACY_KONTAKTINFORMASJON_READ, Scopes.LEGACY_VARSLINGSSTATUS_READ, Scopes.LEGACY_SPRAAK_READ,
            Scopes.LEGACY_SIKKERDIGITALPOST_READ, Scopes.LEGACY_SERTIFIKAT_READ})
    @Operation(summary = "The logged-in citizen's record",
            description = "Returns the record of the citizen whose national id is the token's `pid`, with the "
                    + "fields the token's scopes unlock: `krr:user/kontaktinformasjon.read` gives "
                    + "`kontaktinformasjon`, `varslingsstatus`, `spraak` and `spraak_oppdatert`; "
                    + "`krr:user/digitalpost.read` gives `digital_post` and `sertifikat`. The older `user/…` scopes "
                    + "give one field group each. `personidentifikator`, `status` and, for AKTIV, `reservasjon` are "
                    + "always returned. A pid with no record answers 200 with status IKKE_REGISTRERT. "
                    + "With `Accept: application/jose` the answer is a compact JWS (RS256, PS256 or ES256, key id in "
                    + "`kid`, certificate chain in `x5c` when configured) whose payload is byte for byte the JSON body; "
                    + "verify it with the keys at `/.well-known/jwks.json`.")
    @SecurityRequirement(name = "idporten", scopes = {Scopes.KONTAKTINFORMASJON_READ, Scopes.DIGITALPOST_READ})
    @APIResponse(responseCode = "200", description = "The record, filtered by scope",
            headers = {@Header(name = "ETag", description = "Changes with every change of the representation"),
                    @Header(name = "Cache-Control", description = "Always no-store")},
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenApiSchemas.PersonDocument.class)),
                    @Content(mediaType = JOSE, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                            description = "Compact JWS; its payload is the JSON body"))})
    @APIResponse(responseCode = "304", description = "If-None-Match named the current ETag")
    @APIResponse(responseCode = "401", description = "No token, or an invalid, expired or not yet valid one, or no valid `pid` "
            + "(`WWW-Authenticate: Bearer error=\"invalid_token\"`)", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = OpenApiSchemas.ProblemDocument.class)))
    @APIResponse(responseCode = "403", description = "No read scope (`error=\"insufficient_scope\"`) or an `acr` not accepted "
            + "(`error=\"insufficient_user_authentication\"`)", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = OpenApiSchemas.ProblemDocument.class)))
    @APIResponse(responseCode = "406", description = "Accept names neither application/json nor application/jose",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = OpenApiSchemas.ProblemDocument.class)))
    public Response get(@Context Request request) {
        NationalId pid = caller.pid().orElseThrow(); // CitizenTokenFilter has checked it
        RecordTags.Representation representation = RecordTags.Representation.of(request.selectVariant(VARIANTS));
        byte[] body = PersonView.bytes(persons.read(pid), pid, readGroups(), varslingRule);
        EntityTag etag = representation.etag(body);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.tag(etag).build();
        }
        return ok(representation, body, etag);
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Produces({MediaType.APPLICATION_JSON, JOSE})
    @RolesAllowed({Scopes.SPRAAK_WRITE, Scopes.LEGACY_SPRAAK_WRITE})
    @Operation(summary = "Change the preferred language",
            description = "The body is exactly `{\"spraak\": \"nb\" | \"nn\" | \"en\" | \"se\"}`. The answer is the record as "
                    + "GET would return it for the same token and Accept (JSON or JWS), or 204 when the token has no read "
                    + "scope. Setting the current value again changes nothing (no new `spraak_oppdatert`, no audit row). "
                    + "Every change is written to the audit trail with the token's `client_id`, consumer, `acr` and `jti`.")
    @SecurityRequirement(name = "idporten", scopes = {Scopes.SPRAAK_WRITE})
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenApiSchemas.SpraakPatchDocument.class)),
            @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = OpenApiSchemas.SpraakPatchDocument.class))})
    @APIResponse(responseCode = "200", description = "Changed (or already so); the record as GET shows it",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenApiSchemas.PersonDocument.class)),
                    @Content(mediaType = JOSE)})
    @APIResponse(responseCode = "204", description = "Changed (or already so); the token has no read scope to show the record")
    @APIResponse(responseCode = "400", description = "Not exactly {\"spraak\": <nb|nn|en|se>}: another member, a wrong type or code, malformed JSON",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = OpenApiSchemas.ProblemDocument.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "No `krr:user/spraak.write` scope, or an `acr` not accepted", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "The citizen has no record", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "406", description = "Accept names neither application/json nor application/jose", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The record is SLETTET", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "412", description = "If-Match names an ETag that is no longer current", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "413", description = "The body is larger than 16 KiB", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "415", description = "Content-Type is neither application/json nor application/merge-patch+json", content = @Content(mediaType = PROBLEM))
    public Response patch(@Context Request request,
                          @Parameter(description = "ETag of the record as last read; the change is refused with 412 if it changed since")
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                          InputStream body) throws IOException {
        NationalId pid = caller.pid().orElseThrow();
        byte[] bytes;
        try {
            bytes = BoundedBody.read(contentLength, body, SpraakPatch.MAX_BYTES);
        } catch (BoundedBody.TooLarge e) {
            return e.response();
        }
        Spraak wanted;
        try {
            wanted = SpraakPatch.parse(bytes);
        } catch (SpraakPatch.Invalid e) {
            return Problem.of(400, "invalid-body", "Invalid body", e.getMessage() + ".").response().build();
        }
        RecordTags.Representation representation = RecordTags.Representation.of(request.selectVariant(VARIANTS));
        Set<FieldGroup> groups = readGroups();
        LanguageChange.Result result = languageChange.change(pid, wanted,
                current -> RecordTags.ifMatchHolds(ifMatch, view(Optional.of(current), pid, groups)),
                Actor.citizen(caller.clientId(), caller.consumerOrgno(), caller.acr(), caller.jti()));
        return switch (result.outcome()) {
            case NOT_FOUND -> Problem.of(404, "no-record", "No record",
                    "The register has no record of the logged-in citizen.").response().build();
            case NOT_ACTIVE -> Problem.of(409, "not-active", "Record not active",
                    "The record is SLETTET; its language cannot be changed.").response().build();
            case PRECONDITION_FAILED -> Problem.of(412, "stale-etag", "Precondition failed",
                    "The record changed since the ETag in If-Match was issued; read it again.").response().build();
            case CHANGED, UNCHANGED -> {
                if (!ScopeFieldGroups.canRead(caller.groups(), auth.legacyScopes())) {
                    yield Response.noContent().build();
                }
                byte[] json = PersonView.bytes(result.person(), pid, groups, varslingRule);
                yield ok(representation, json, representation.etag(json));
            }
        };
    }

    /** The groups the token's roles unlock: its scopes as the door granted them (legacy ones only while on). */
    private Set<FieldGroup> readGroups() {
        return ScopeFieldGroups.groupsFor(caller.groups(), auth.legacyScopes());
    }

    private String view(Optional<Person> person, NationalId pid, Set<FieldGroup> groups) {
        return PersonView.json(person, pid, groups, varslingRule);
    }

    /** The answer with its length set here: the user API does not buffer bodies ({@code RestApplication}). */
    private Response ok(RecordTags.Representation representation, byte[] json, EntityTag etag) {
        if (representation == RecordTags.Representation.JOSE) {
            byte[] jws = signer.sign(json).getBytes(StandardCharsets.US_ASCII);
            return Response.ok(jws, JOSE).header(HttpHeaders.CONTENT_LENGTH, jws.length).tag(etag).build();
        }
        return Response.ok(json, JSON_UTF8).header(HttpHeaders.CONTENT_LENGTH, json.length).tag(etag).build();
    }
}
