package no.krr.security;

/**
 * The OAuth scope names this service knows (docs/register.md §3), in one place. They are compile-time
 * constants so that {@code @RolesAllowed} can use them directly; scopes are case-sensitive
 * (RFC 6749 §3.3), so they are compared exactly.
 */
public final class Scopes {

    /** kontaktinformasjon, varslingsstatus and spraak. */
    public static final String KONTAKTINFORMASJON_READ = "krr:user/kontaktinformasjon.read";
    /** digital_post and sertifikat. */
    public static final String DIGITALPOST_READ = "krr:user/digitalpost.read";
    /** PATCH of spraak. */
    public static final String SPRAAK_WRITE = "krr:user/spraak.write";

    // Older scopes, one field group each (our rule); accepted only when legacy scopes are enabled.
    public static final String LEGACY_KONTAKTINFORMASJON_READ = "user/kontaktinformasjon.read";
    public static final String LEGACY_VARSLINGSSTATUS_READ = "user/varslingsstatus.read";
    public static final String LEGACY_SPRAAK_READ = "user/spraak.read";
    public static final String LEGACY_SIKKERDIGITALPOST_READ = "user/sikkerdigitalpost.read";
    public static final String LEGACY_SERTIFIKAT_READ = "user/sertifikat.read";
    public static final String LEGACY_SPRAAK_WRITE = "user/spraak.write";

    // Maskinporten scopes of the upstream lookup service (what the reconciliation job asks for).
    public static final String GLOBAL_KONTAKTINFORMASJON_READ = "krr:global/kontaktinformasjon.read";
    public static final String GLOBAL_DIGITALPOST_READ = "krr:global/digitalpost.read";

    private Scopes() {
    }
}
