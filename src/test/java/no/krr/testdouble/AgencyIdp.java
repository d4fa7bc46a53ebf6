package no.krr.testdouble;

import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;

/**
 * The agency's own identity provider in the outside-world double (what Entra ID, Keycloak or
 * Maskinporten are in production): the issuer of admin tokens, with keys of its own beside
 * ID-porten's. Tokens are built by the same builder as ID-porten's ({@link IdPorten.Token}), with an
 * operator's defaults: {@code sub} {@value #DEFAULT_SUB}, {@code client_id}
 * {@value #DEFAULT_CLIENT_ID}, {@code aud} {@value #DEFAULT_AUDIENCE}, {@code scope}
 * {@value #ADMIN_SCOPE}, and no {@code pid}, {@code acr} or {@code consumer}.
 *
 * <pre>{@code
 * String admin = agency.token().mint();
 * String entra = agency.token().without("scope").claim("scp", List.of("krr:admin")).mint();
 * }</pre>
 */
public final class AgencyIdp {

    public static final String DEFAULT_SUB = "operator-1";
    public static final String DEFAULT_CLIENT_ID = "krr-admin-console";
    /** The default of {@code krr.admin.audience}. */
    public static final String DEFAULT_AUDIENCE = "krr-admin";
    public static final String ADMIN_SCOPE = "krr:admin";

    private final IdPorten tokens;

    /** @param issuer the {@code iss} of its tokens, no trailing slash */
    public AgencyIdp(String issuer, Clock clock) {
        this.tokens = new IdPorten(issuer, clock, "agency-");
    }

    public String issuer() {
        return tokens.issuer();
    }

    public String kid() {
        return tokens.kid();
    }

    public JWKSet publicJwks() {
        return tokens.publicJwks();
    }

    public String jwksJson() {
        return tokens.jwksJson();
    }

    /** A good admin token builder with the operator's defaults. */
    public IdPorten.Token token() {
        return tokens.token().noPid().subject(DEFAULT_SUB).clientId(DEFAULT_CLIENT_ID).audience(DEFAULT_AUDIENCE)
                .scope(ADMIN_SCOPE).acr(null).consumerOrgno(null).without("client_amr");
    }

    @Override
    public String toString() {
        return "AgencyIdp[" + issuer() + "]";
    }
}
