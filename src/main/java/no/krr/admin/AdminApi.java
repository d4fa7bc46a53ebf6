package no.krr.admin;

/** Names the admin API's resources share (the application itself is {@code no.krr.app.AdminApplication}). */
public final class AdminApi {

    /** The OpenAPI security scheme of the admin API: the agency's own issuer, never ID-porten. */
    public static final String SECURITY_SCHEME = "admin";

    private AdminApi() {
    }
}
