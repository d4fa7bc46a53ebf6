package no.krr.security;

/**
 * The parts of a Person that a scope can unlock (docs/register.md §3). personidentifikator, status and,
 * for AKTIV, reservasjon with its timestamps are always returned and so belong to no group.
 */
public enum FieldGroup {
    /** The whole kontaktinformasjon object: e-mail and mobile, their timestamps and _duplisert flags. */
    KONTAKTINFORMASJON,
    /** varslingsstatus. */
    VARSLINGSSTATUS,
    /** spraak and spraak_oppdatert. */
    SPRAAK,
    /** The digital_post object: postkasseadresse and postkasseleverandoeradresse. */
    DIGITAL_POST,
    /** sertifikat. */
    SERTIFIKAT
}
