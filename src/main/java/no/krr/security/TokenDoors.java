package no.krr.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The two doors of the service as configured: ID-porten for the user API, the agency's own issuer
 * for the admin API. Says at start what is wrong (a refusal: the deployment fails) and what an
 * operator should know (one log line each).
 */
public record TokenDoors(String idportenIssuer, Optional<String> adminIssuer, Optional<String> adminJwks,
                         boolean audiencesConfigured) {

    /** Why the service must not start with this configuration, if it must not. */
    public Optional<String> refusal() {
        if (adminIssuer.isPresent() && same(adminIssuer.get(), idportenIssuer)) {
            return Optional.of("krr.admin.issuer is the ID-porten issuer (mp.jwt.verify.issuer): every citizen "
                    + "could then reach the admin API. Set krr.admin.issuer to the agency's own identity provider.");
        }
        if (adminIssuer.isPresent() && adminJwks.isEmpty()) {
            return Optional.of("krr.admin.issuer is set but krr.admin.jwks is not: set krr.admin.jwks to the JWKS "
                    + "(URL or file) of " + adminIssuer.get() + ".");
        }
        return Optional.empty();
    }

    /** Said once at start when the admin API is closed. */
    public Optional<String> adminClosedNotice() {
        return adminIssuer.isPresent() ? Optional.empty() : Optional.of(
                "The admin API is closed: krr.admin.issuer is not set, so every /admin call answers 401. To open it, "
                        + "set krr.admin.issuer and krr.admin.jwks to the agency's identity provider (and krr.admin.audience, "
                        + "default krr-admin).");
    }

    /** Said once at start when any audience of ID-porten tokens is accepted. */
    public Optional<String> audienceWarning() {
        return audiencesConfigured ? Optional.empty() : Optional.of(
                "mp.jwt.verify.audiences is not set: ID-porten tokens minted for other APIs (any aud, or none) are "
                        + "accepted on the user API. Set mp.jwt.verify.audiences to this API's audience to close that.");
    }

    /** Issuers are compared without a trailing slash and ignoring case, so a near-copy is refused too. */
    private static boolean same(String a, String b) {
        return normal(a).equals(normal(b));
    }

    private static String normal(String issuer) {
        String trimmed = issuer.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
