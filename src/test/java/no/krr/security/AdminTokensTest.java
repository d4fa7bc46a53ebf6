package no.krr.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import no.krr.testdouble.AgencyIdp;
import no.krr.testdouble.IdPorten;
import no.krr.testdouble.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokensTest {

    private final MutableClock clock = MutableClock.startingNow();
    private final AgencyIdp agency = new AgencyIdp("https://login.agency.example", clock);
    private final IdPorten idporten = new IdPorten("https://idporten.example", clock);

    @TempDir
    Path dir;

    private AdminTokens tokens(Optional<String> issuer) throws Exception {
        Path jwks = dir.resolve("agency-jwks.json");
        Files.writeString(jwks, agency.jwksJson());
        AccessTokens citizens = new AccessTokens();
        citizens.issuer = idporten.issuer();
        citizens.audiences = Optional.empty();
        citizens.clockSkewSeconds = 30;
        AdminTokens tokens = new AdminTokens();
        tokens.issuer = issuer;
        tokens.jwks = Optional.of(jwks.toString());
        tokens.audience = AgencyIdp.DEFAULT_AUDIENCE;
        tokens.idporten = citizens;
        tokens.clock = clock;
        return tokens;
    }

    private TokenVerifier verifier() throws Exception {
        return tokens(Optional.of(agency.issuer())).verifier().orElseThrow();
    }

    @Test
    void withoutAnAdminIssuerThereIsNoVerifier() throws Exception {
        assertTrue(tokens(Optional.empty()).verifier().isEmpty());
    }

    @Test
    void acceptsTheAgencysTokensWithTheScopeInAnyOfItsClaims() throws Exception {
        TokenVerifier admin = verifier();
        admin.verify(agency.token().mint());
        admin.verify(agency.token().without("scope").claim("scp", List.of("krr:admin")).mint());
        admin.verify(agency.token().without("scope").claim("scp", "krr:admin other").mint());
        admin.verify(agency.token().without("scope").claim("roles", List.of("krr:admin")).mint());
        assertEquals("operator-1", admin.verify(agency.token().mint()).getSubject());
    }

    @Test
    void needsNoJtiAsEntraIdSendsNoneButASub() throws Exception {
        TokenVerifier admin = verifier();
        admin.verify(agency.token().without("jti").mint());
        assertThrows(TokenVerifier.Rejected.class, () -> admin.verify(agency.token().without("sub").mint()));
    }

    @Test
    void refusesAnotherAudienceNoAudienceAnotherIssuerAndWrongClaimTypes() throws Exception {
        TokenVerifier admin = verifier();
        assertThrows(TokenVerifier.Rejected.class, () -> admin.verify(agency.token().without("aud").mint()));
        assertThrows(TokenVerifier.Rejected.class, () -> admin.verify(agency.token().audience("other-api").mint()));
        assertThrows(TokenVerifier.Rejected.class, () -> admin.verify(idporten.token().scope("krr:admin").audience("krr-admin").mint()));
        assertThrows(TokenVerifier.Rejected.class, () -> admin.verify(agency.token().claim("scope", List.of("krr:admin")).mint()));
        assertThrows(TokenVerifier.Rejected.class, () -> admin.verify(agency.token().claim("roles", "krr:admin").mint()));
        assertThrows(TokenVerifier.Rejected.class, () -> admin.verify(agency.token().claim("scp", List.of(1, 2)).mint()));
        assertThrows(TokenVerifier.Rejected.class, () -> admin.verify(agency.token().expired().mint()));
    }

    @Test
    void theDoorsAtStartCompareTheTwoIssuers() throws Exception {
        assertTrue(tokens(Optional.of(idporten.issuer())).doors().refusal().isPresent());
        assertTrue(tokens(Optional.of(agency.issuer())).doors().refusal().isEmpty());
        assertTrue(tokens(Optional.of(agency.issuer())).doors().audienceWarning().isPresent());
    }
}
