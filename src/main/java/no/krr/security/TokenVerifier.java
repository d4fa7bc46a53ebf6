package no.krr.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an access token (ID-porten's, or the admin issuer's) the way docs/api.md §2 asks: a JWS signed with a key from the
 * issuer's JWKS (asymmetric algorithms only, so no {@code alg: none} and no key confusion),
 * {@code typ} {@code JWT} or {@code at+jwt} (or none), the configured issuer, one of the configured
 * audiences when there are any, {@code exp}, {@code iat}, {@code sub} and {@code jti} present, not
 * expired and neither {@code nbf} nor {@code iat} in the future, each with the allowed clock skew,
 * and the claims the service reads of the JSON type it expects ({@link ClaimShape}).
 * Nimbus JOSE+JWT does the parsing, signature and standard claim checks; this class only chooses
 * the rules. Thread-safe.
 */
public final class TokenVerifier {

    /**
     * What a token must satisfy besides its signature: the issuer, one of the audiences (when there
     * are any), the clock skew, the claims it must have, and the JSON type of the claims the service
     * reads.
     */
    public record Rules(String issuer, Optional<Set<String>> audiences, Duration clockSkew, Set<String> required,
                        Map<String, ClaimShape> shapes) {
        public Rules {
            required = Set.copyOf(required);
            shapes = Map.copyOf(shapes);
        }

        public Rules(String issuer, Optional<Set<String>> audiences, Duration clockSkew, Map<String, ClaimShape> shapes) {
            this(issuer, audiences, clockSkew, REQUIRED, shapes);
        }

        public Rules(String issuer, Optional<Set<String>> audiences, Duration clockSkew) {
            this(issuer, audiences, clockSkew, REQUIRED, Map.of());
        }
    }

    /** The token is not acceptable; the message says why, and may quote claim values. */
    public static final class Rejected extends Exception {
        Rejected(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The issuer's keys could not be had (JWKS unreachable): no fault of the token's. */
    public static final class KeysUnavailable extends Exception {
        KeysUnavailable(Throwable cause) {
            super("the issuer's signing keys could not be fetched", cause);
        }
    }

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);
    /** The claims an ID-porten token always has. */
    static final Set<String> REQUIRED = Set.of("exp", "iat", "sub", "jti");

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public TokenVerifier(Rules rules, JWKSource<SecurityContext> keys, Clock clock) {
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new ConvertedKeys(ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(new ClaimsVerifier(rules, clock));
    }

    /** The claims of a token that passes every check. */
    public JWTClaimsSet verify(String token) throws Rejected, KeysUnavailable {
        try {
            return processor.process(token, null);
        } catch (com.nimbusds.jose.KeySourceException e) {
            throw new KeysUnavailable(e);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new Rejected(e.getMessage(), e);
        }
    }

    /** Nimbus's standard checks on the injected clock, plus {@code iat} not in the future. */
    private static final class ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {
        private final Clock clock;
        private final Map<String, ClaimShape> shapes;

        ClaimsVerifier(Rules rules, Clock clock) {
            super(rules.audiences().orElse(null),
                    new JWTClaimsSet.Builder().issuer(rules.issuer()).build(),
                    rules.required(), null);
            setMaxClockSkew((int) rules.clockSkew().toSeconds());
            this.clock = clock;
            this.shapes = rules.shapes();
        }

        @Override
        protected Date currentTime() {
            return Date.from(clock.instant());
        }

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            super.verify(claims, context);
            Date latest = Date.from(clock.instant().plusSeconds(getMaxClockSkew()));
            if (claims.getIssueTime() != null && claims.getIssueTime().after(latest)) {
                throw new BadJWTException("JWT issued in the future");
            }
            ClaimShape.check(claims, shapes);
        }
    }
}
