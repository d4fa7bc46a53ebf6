package no.krr.person.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The documented shapes of the user API, for the OpenAPI description only (the body is built by {@link PersonView}). */
final class OpenApiSchemas {

    private OpenApiSchemas() {
    }

    /** The documented shape of a person (for the OpenAPI description only). */
    @Schema(name = "Person", description = "A person in the register; members with no value are omitted")
    record PersonDocument(
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
    record Kontaktinformasjon(String epostadresse,
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
    record DigitalPost(String postkasseadresse,
                              @Schema(description = "Organisation number of the mailbox provider") String postkasseleverandoeradresse) {
    }

    @Schema(name = "Problem", description = "RFC 9457 problem details; every error has all four members",
            requiredProperties = {"type", "title", "status", "detail"})
    record ProblemDocument(String type, String title, @Schema(type = SchemaType.INTEGER) int status, String detail) {
    }

    @Schema(name = "SpraakPatch", description = "Exactly one member: the new preferred language")
    record SpraakPatchDocument(@Schema(enumeration = {"nb", "nn", "en", "se"}, required = true) String spraak) {
    }
}
