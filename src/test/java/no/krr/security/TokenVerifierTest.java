package no.krr.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import no.krr.testdouble.IdPorten;
import no.krr.testdouble.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenVerifierTest {

    private static final String ISSUER = "https://test.idporten.no";
    private static final String PID = "23079422487";
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final MutableClock clock = MutableClock.startingNow();
    private final IdPorten idporten = new IdPorten(ISSUER, clock);

    private TokenVerifier verifier(Optional<Set<String>> audiences) {
        JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(idporten.publicJwks());
        return new TokenVerifier(new TokenVerifier.Rules(ISSUER, audiences, SKEW), keys, clock);
    }

    private TokenVerifier verifier() {
        return verifier(Optional.empty());
    }

    @Test
    void aGoodTokenGivesItsClaims() throws Exception {
        JWTClaimsSet claims = verifier().verify(idporten.token(PID).mint());
        assertEquals(PID, claims.getStringClaim("pid"));
        assertEquals(ISSUER, claims.getIssuer());
    }

    @Test
    void acceptsTypAtJwtJwtAndNone() throws Exception {
        verifier().verify(idporten.token(PID).typ("at+jwt").mint());
        verifier().verify(idporten.token(PID).typJwt().mint());
        verifier().verify(idporten.token(PID).typ(null).mint());
    }

    @Test
    void refusesAnotherTyp() {
        assertThrows(TokenVerifier.Rejected.class, () -> verifier().verify(idporten.token(PID).typ("JOSE").mint()));
    }

    static Stream<Arguments> defects() {
        List<Map.Entry<String, UnaryOperator<IdPorten.Token>>> missing = List.of(
                Map.entry("no exp", t -> t.without("exp")),
                Map.entry("no iat", t -> t.without("iat")),
                Map.entry("no jti", t -> t.without("jti")),
                Map.entry("no sub", t -> t.without("sub")));
        return Stream.concat(IdPorten.invalidTokenKinds().stream(), missing.stream())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void rejects(String kind, UnaryOperator<IdPorten.Token> defect) {
        String token = defect.apply(idporten.token(PID)).mint();
        assertThrows(TokenVerifier.Rejected.class, () -> verifier().verify(token));
    }

    @Test
    void rejectsWhatIsNoJwtAtAll() {
        assertThrows(TokenVerifier.Rejected.class, () -> verifier().verify("not-a-token"));
        assertThrows(TokenVerifier.Rejected.class, () -> verifier().verify(""));
    }

    @Test
    void toleratesTheClockSkewAndNoMore() throws Exception {
        String token = idporten.token(PID).lifetime(Duration.ofSeconds(60)).mint();
        clock.advance(Duration.ofSeconds(60 + 25));
        verifier().verify(token);
        clock.advance(Duration.ofSeconds(10));
        assertThrows(TokenVerifier.Rejected.class, () -> verifier().verify(token));
    }

    @Test
    void refusesIatAndNbfBeyondTheSkewAndAcceptsThemWithin() throws Exception {
        var now = clock.instant();
        verifier().verify(idporten.token(PID).issuedAt(now.plusSeconds(20)).mint());
        verifier().verify(idporten.token(PID).notBefore(now.plusSeconds(20)).mint());
        assertThrows(TokenVerifier.Rejected.class,
                () -> verifier().verify(idporten.token(PID).issuedAt(now.plusSeconds(40)).mint()));
        assertThrows(TokenVerifier.Rejected.class,
                () -> verifier().verify(idporten.token(PID).notBefore(now.plusSeconds(40)).mint()));
    }

    @Test
    void checksTheAudienceOnlyWhenConfigured() throws Exception {
        TokenVerifier strict = verifier(Optional.of(Set.of("https://krr.example", "other")));
        strict.verify(idporten.token(PID).audience("https://krr.example").mint());
        strict.verify(idporten.token(PID).audience("x", "other").mint());
        assertThrows(TokenVerifier.Rejected.class, () -> strict.verify(idporten.token(PID).audience("x").mint()));
        assertThrows(TokenVerifier.Rejected.class, () -> strict.verify(idporten.token(PID).mint()));
        verifier().verify(idporten.token(PID).audience("anything").mint());
    }

    @Test
    void unreachableKeysAreNoFaultOfTheToken() {
        JWKSource<SecurityContext> down = (selector, context) -> {
            throw new KeySourceException("connection refused");
        };
        TokenVerifier verifier = new TokenVerifier(new TokenVerifier.Rules(ISSUER, Optional.empty(), SKEW), down, clock);
        assertThrows(TokenVerifier.KeysUnavailable.class, () -> verifier.verify(idporten.token(PID).mint()));
    }

    @Test
    void acceptsATokenOfARotatedKeyStillPublished() throws Exception {
        String old = idporten.token(PID).mint();
        idporten.rotateKey();
        TokenVerifier verifier = verifier();
        verifier.verify(old);
        verifier.verify(idporten.token(PID).mint());
    }

    @Test
    void refusesAClaimOfAnotherJsonTypeThanTheServiceReads() throws Exception {
        JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(idporten.publicJwks());
        TokenVerifier typed = new TokenVerifier(new TokenVerifier.Rules(ISSUER, Optional.empty(), SKEW, AccessTokens.SHAPES),
                keys, clock);
        typed.verify(idporten.token(PID).mint());
        assertThrows(TokenVerifier.Rejected.class, () -> typed.verify(idporten.token().claim("pid", Long.parseLong(PID)).mint()));
        assertThrows(TokenVerifier.Rejected.class,
                () -> typed.verify(idporten.token(PID).claim("scope", List.of(IdPorten.SCOPE_KONTAKTINFORMASJON_READ)).mint()));
        assertThrows(TokenVerifier.Rejected.class, () -> typed.verify(idporten.token(PID).claim("acr", Map.of("x", 1)).mint()));
        assertThrows(TokenVerifier.Rejected.class, () -> typed.verify(idporten.token(PID).claim("client_id", true).mint()));
    }
}
