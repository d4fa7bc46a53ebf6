package no.krr.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.X509CertUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.krr.testdouble.Maskinporten;
import no.krr.testdouble.MaskinportenClient;
import no.krr.testdouble.MutableClock;
import no.krr.testdouble.OutsideWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MaskinportenTokens} against the Maskinporten double. */
class MaskinportenTokensTest {

    static MutableClock clock;
    static OutsideWorld world;
    static MaskinportenClient client;

    @BeforeAll
    static void start() {
        clock = MutableClock.startingNow();
        world = OutsideWorld.start(0, clock);
        client = MaskinportenClient.shared("krr-test-client").trustIn(world);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @BeforeEach
    void reset() {
        world.maskinporten().reset();
    }

    static Map<String, String> config() {
        return new HashMap<>(client.config(world));
    }

    static MaskinportenTokens tokens(Map<String, String> config) {
        return new MaskinportenTokens(MaskinportenSettings.of(config), clock);
    }

    @Test
    void aGrantIsAccepted() throws Exception {
        String token = tokens(config()).token();
        Maskinporten.IssuedToken issued = world.maskinporten().introspect(token).orElseThrow(
                () -> new AssertionError(world.maskinporten().lastRejection()));
        assertEquals(client.clientId(), issued.clientId());
        assertEquals(Set.of("krr:global/kontaktinformasjon.read"), issued.scopes());
        assertEquals(1, world.maskinporten().grants());
    }

    @Test
    void theAssertionIsShapedAsMaskinportenWantsIt() throws Exception {
        MaskinportenAssertion assertion = new MaskinportenAssertion(MaskinportenSettings.of(config()), clock);
        SignedJWT first = SignedJWT.parse(assertion.sign(clock.instant()));
        SignedJWT second = SignedJWT.parse(assertion.sign(clock.instant()));
        assertEquals(JWSAlgorithm.RS256, first.getHeader().getAlgorithm());
        assertEquals(2, first.getHeader().getX509CertChain().size(), "leaf and CA");
        assertEquals(client.certificate(), X509CertUtils.parse(first.getHeader().getX509CertChain().get(0).decode()), "leaf first");
        JWTClaimsSet claims = first.getJWTClaimsSet();
        assertEquals(List.of(world.maskinportenAudience()), claims.getAudience());
        assertEquals(client.clientId(), claims.getIssuer());
        assertEquals("krr:global/kontaktinformasjon.read", claims.getStringClaim("scope"));
        assertEquals(120, Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()).toSeconds());
        assertEquals(clock.instant(), claims.getIssueTime().toInstant());
        assertNotEquals(claims.getJWTID(), second.getJWTClaimsSet().getJWTID(), "a fresh jti per grant");
        assertTrue(first.getPayload().toString().contains("\"aud\":\"" + world.maskinportenAudience() + "\""), "aud is a plain string: " + first.getPayload());
    }

    @Test
    void theTokenIsCachedAndParallelCallersShareOneGrant() throws Exception {
        MaskinportenTokens tokens = tokens(config());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 64; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return tokens.token();
                }));
            }
            go.countDown();
            Set<String> seen = new HashSet<>();
            for (Future<String> call : calls) {
                seen.add(call.get());
            }
            assertEquals(1, seen.size());
        }
        for (int i = 0; i < 100; i++) {
            tokens.token();
        }
        assertEquals(1, world.maskinporten().grants());
    }

    @Test
    void theTokenIsRefreshedShortlyBeforeItExpires() throws Exception {
        world.maskinporten().expiresIn(Duration.ofSeconds(120));
        MaskinportenTokens tokens = tokens(config());
        String first = tokens.token();
        clock.advance(Duration.ofSeconds(99));
        assertEquals(first, tokens.token(), "20 s before expiry it is still used");
        assertEquals(1, world.maskinporten().grants());
        clock.advance(Duration.ofSeconds(1));
        String second = tokens.token();
        assertNotEquals(first, second, "from 20 s before expiry a new one is fetched");
        assertEquals(2, world.maskinporten().grants());
        assertTrue(world.maskinporten().introspect(first).isPresent(), "the old one was still valid when replaced");
    }

    @Test
    void aLongLivedTokenIsRefreshedATenthBeforeExpiry() throws Exception {
        world.maskinporten().expiresIn(Duration.ofSeconds(600));
        MaskinportenTokens tokens = tokens(config());
        String first = tokens.token();
        clock.advance(Duration.ofSeconds(539));
        assertEquals(first, tokens.token());
        clock.advance(Duration.ofSeconds(1));
        assertNotEquals(first, tokens.token());
    }

    @Test
    void theRefreshMargin() {
        assertEquals(Duration.ofSeconds(20), MaskinportenTokens.margin(Duration.ofSeconds(120)));
        assertEquals(Duration.ofSeconds(60), MaskinportenTokens.margin(Duration.ofSeconds(600)));
        assertEquals(Duration.ofSeconds(15), MaskinportenTokens.margin(Duration.ofSeconds(30)), "never more than half");
    }

    @Test
    void invalidateFetchesANewToken() throws Exception {
        MaskinportenTokens tokens = tokens(config());
        String first = tokens.token();
        tokens.invalidate("some-other-token");
        assertEquals(first, tokens.token(), "a token that is no longer current is no reason for a grant");
        tokens.invalidate(first);
        String second = tokens.token();
        assertNotEquals(first, second);
        tokens.invalidate();
        assertNotEquals(second, tokens.token());
        assertEquals(3, world.maskinporten().grants());
    }

    @Test
    void anErrorBodySurfacesErrorAndDescription() {
        world.maskinporten().failNext("invalid_client", "Invalid client certificate");
        UpstreamException e = assertThrows(UpstreamException.class, () -> tokens(config()).token());
        assertEquals("Maskinporten refused the grant: invalid_client (Invalid client certificate)", e.reason());
        assertFalse(e.retryable());
    }

    @Test
    void aMaskinportenOutageIsRetryableAndNotCached() throws Exception {
        world.maskinporten().failNext(503, "temporarily_unavailable", "maintenance");
        MaskinportenTokens tokens = tokens(config());
        UpstreamException e = assertThrows(UpstreamException.class, tokens::token);
        assertTrue(e.retryable());
        assertEquals("Maskinporten refused the grant: temporarily_unavailable (maintenance) (HTTP 503)", e.reason());
        assertFalse(tokens.token().isBlank());
    }

    @Test
    void anUnknownCertificateIsRefused() throws Exception {
        Map<String, String> config = config();
        MaskinportenClient stranger = MaskinportenClient.shared("krr-stranger");
        config.putAll(stranger.config(world));
        config.put(MaskinportenSettings.CLIENT_ID, client.clientId());
        UpstreamException e = assertThrows(UpstreamException.class, () -> tokens(config).token());
        assertTrue(e.reason().startsWith("Maskinporten refused the grant: invalid_client (Invalid client certificate"), e.reason());
    }

    @Test
    void aScopeNotAllowedIsRefused() {
        Map<String, String> config = config();
        config.put(MaskinportenSettings.SCOPE, "krr:global/everything");
        UpstreamException e = assertThrows(UpstreamException.class, () -> tokens(config).token());
        assertTrue(e.reason().startsWith("Maskinporten refused the grant: invalid_scope"), e.reason());
    }

    @Test
    void anUnreachableMaskinportenIsRetryable() {
        Map<String, String> config = config();
        config.put(MaskinportenSettings.TOKEN_URL, "http://127.0.0.1:1/token");
        UpstreamException e = assertThrows(UpstreamException.class, () -> tokens(config).token());
        assertTrue(e.retryable());
        assertTrue(e.reason().startsWith("Maskinporten could not be reached"), e.reason());
    }

    @Test
    void missingSettingsAreNamed() {
        for (String key : List.of(MaskinportenSettings.CLIENT_ID, MaskinportenSettings.KEYSTORE,
                MaskinportenSettings.KEYSTORE_PASSWORD)) {
            Map<String, String> config = config();
            config.remove(key);
            UpstreamException e = assertThrows(UpstreamException.class, () -> tokens(config).token(), key);
            assertTrue(e.reason().startsWith(key + " is not set"), e.reason());
            assertFalse(e.retryable());
        }
        assertEquals(0, world.maskinporten().grants() + world.maskinporten().rejections(), "nothing was sent");
    }

    @Test
    void aWrongKeystoreIsNamed(@TempDir Path dir) {
        Map<String, String> config = config();
        config.put(MaskinportenSettings.KEYSTORE, dir.resolve("nothing.p12").toString());
        assertTrue(assertThrows(UpstreamException.class, () -> tokens(config).token()).reason()
                .startsWith("krr.maskinporten.keystore: there is no file"));
        Map<String, String> wrongPassword = config();
        wrongPassword.put(MaskinportenSettings.KEYSTORE_PASSWORD, "wrong");
        assertTrue(assertThrows(UpstreamException.class, () -> tokens(wrongPassword).token()).reason()
                .contains("krr.maskinporten.keystore-password"));
        Map<String, String> wrongAlias = config();
        wrongAlias.put(MaskinportenSettings.KEY_ALIAS, "nope");
        assertTrue(assertThrows(UpstreamException.class, () -> tokens(wrongAlias).token()).reason()
                .startsWith("krr.maskinporten.key-alias='nope' names no entry"));
    }

    @Test
    void theAliasMayBeLeftOutWhenTheKeystoreHoldsOneKey() throws Exception {
        Map<String, String> config = config();
        config.remove(MaskinportenSettings.KEY_ALIAS);
        assertFalse(tokens(config).token().isBlank());
    }

    @Test
    void theKeyIsLoadedOnce() throws Exception {
        Map<String, String> config = config();
        MaskinportenTokens tokens = tokens(config);
        tokens.token();
        // the file may go away (or be rotated) under a running service: the loaded key stays
        config.put(MaskinportenSettings.KEYSTORE, "/does/not/exist.p12");
        tokens.invalidate();
        assertFalse(tokens.token().isBlank());
    }
}
