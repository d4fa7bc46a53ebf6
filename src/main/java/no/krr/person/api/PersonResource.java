package no.krr.person.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import no.krr.person.NationalId;
import no.krr.person.PersonRepository;
import no.krr.person.VarslingRule;
import no.krr.security.AuthSettings;
import no.krr.security.CallerToken;
import no.krr.security.CitizenToken;
import no.krr.security.FieldGroup;
import no.krr.security.ScopeFieldGroups;
import no.krr.security.Scopes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The user API of the register: the logged-in citizen's own record. */
@Path("v1/person")
@RequestScoped
@CitizenToken
@Tag(name = "person", description = "The logged-in citizen's record in the register")
public class PersonResource {

    @Inject
    CallerToken caller;

    @Inject
    AuthSettings auth;

    @Inject
    PersonRepository persons;

    @Inject
    VarslingRule varslingRule;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.KONTAKTINFORMASJON_READ, Scopes.DIGITALPOST_READ,
            Scopes.LEGACY_KONTAKTINFORMASJON_READ, Scopes.LEGACY_VARSLINGSSTATUS_READ, Scopes.LEGACY_SPRAAK_READ,
            Scopes.LEGACY_SIKKERDIGITALPOST_READ, Scopes.LEGACY_SERTIFIKAT_READ})
    @Operation(summary = "The logged-in citizen's record",
            description = "Returns the record of the citizen whose national id is the token's `pid`, with the "
                    + "fields the token's scopes unlock: `krr:user/kontaktinformasjon.read` gives "
                    + "`kontaktinformasjon`, `varslingsstatus`, `spraak` and `spraak_oppdatert`; "
                    + "`krr:user/digitalpost.read` gives `digital_post` and `sertifikat`. The older `user/…` scopes "
                    + "give one field group each. `personidentifikator`, `status` and, for AKTIV, `reservasjon` are "
                    + "always returned. A pid with no record answers 200 with status IKKE_REGISTRERT.")
    @SecurityRequirement(name = "idporten", scopes = {Scopes.KONTAKTINFORMASJON_READ, Scopes.DIGITALPOST_READ})
    @APIResponse(responseCode = "200", description = "The record, filtered by scope",
            headers = {@Header(name = "ETag", description = "Changes with every change of the representation"),
                    @Header(name = "Cache-Control", description = "Always no-store")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonDocument.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match named the current ETag")
    @APIResponse(responseCode = "401", description = "No token, or an invalid, expired or not yet valid one, or no valid `pid` "
            + "(`WWW-Authenticate: Bearer error=\"invalid_token\"`)", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "403", description = "No read scope (`error=\"insufficient_scope\"`) or an `acr` not accepted "
            + "(`error=\"insufficient_user_authentication\"`)", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "406", description = "Accept names no media type served here",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public Response get(@Context Request request) {
        NationalId pid = caller.pid().orElseThrow(); // CitizenTokenFilter has checked it
        Set<FieldGroup> groups = ScopeFieldGroups.groupsFor(caller.scopes(), auth.legacyScopes());
        String body = PersonView.json(persons.find(pid), pid, groups, varslingRule);
        EntityTag etag = etagOf(body);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.tag(etag).build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).tag(etag).build();
    }

    /** A strong validator of the representation: it changes whenever a byte of the body does. */
    static EntityTag etagOf(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The documented shape of a person (for the OpenAPI description only). */
    @Schema(name = "Person", description = "A person in the register; members with no value are omitted")
    public record PersonDocument(
            @Schema(description = "National id (fødselsnummer or D-nummer), 11 digits", required = true) String personidentifikator,
            @Schema(enumeration = {"JA", "NEI"}, description = "Reserved against digital communication; always for AKTIV") String reservasjon,
            @Schema(format = "date-time") String reservasjonstidspunkt,
            @Schema(format = "date-time") String reservasjon_oppdatert,
            @Schema(enumeration = {"AKTIV", "SLETTET", "IKKE_REGISTRERT"}, required = true) String status,
            @Schema(enumeration = {"KAN_VARSLES", "KAN_IKKE_VARSLES"},
                    description = "Whether the contact data may be used for notifications (the 18-month rule)") String varslingsstatus,
            Kontaktinformasjon kontaktinformasjon,
            DigitalPost digital_post,
            @Schema(description = "Encryption certificate for digital post, base64 DER X.509") String sertifikat,
            @Schema(enumeration = {"nb", "nn", "en", "se"}, description = "Preferred language") String spraak,
            @Schema(format = "date-time") String spraak_oppdatert) {
    }

    @Schema(name = "Kontaktinformasjon", description = "E-mail address and mobile number, with their timestamps")
    public record Kontaktinformasjon(String epostadresse,
                                     @Schema(format = "date-time") String epostadresse_oppdatert,
                                     @Schema(format = "date-time") String epostadresse_sist_verifisert,
                                     @Schema(format = "date-time") String epostadresse_sist_validert,
                                     @Schema(enumeration = {"JA", "NEI"}) String epostadresse_duplisert,
                                     String mobiltelefonnummer,
                                     @Schema(format = "date-time") String mobiltelefonnummer_oppdatert,
                                     @Schema(format = "date-time") String mobiltelefonnummer_sist_verifisert,
                                     @Schema(format = "date-time") String mobiltelefonnummer_sist_validert,
                                     @Schema(enumeration = {"JA", "NEI"}) String mobiltelefonnummer_duplisert) {
    }

    @Schema(name = "DigitalPost", description = "The digital mailbox")
    public record DigitalPost(String postkasseadresse,
                              @Schema(description = "Organisation number of the mailbox provider") String postkasseleverandoeradresse) {
    }

    @Schema(name = "Problem", description = "RFC 9457 problem details")
    public record ProblemDocument(String type, String title, @Schema(type = SchemaType.INTEGER) int status, String detail) {
    }
}
