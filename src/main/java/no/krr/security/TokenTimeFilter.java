package no.krr.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import no.krr.web.BearerChallenge;
import no.krr.web.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a token that is not yet valid: {@code iat} or {@code nbf} later than now plus the
 * allowed skew (contract §2). MicroProfile JWT checks {@code exp} but not these.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 50)
public class TokenTimeFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(TokenTimeFilter.class.getName());

    @Inject
    JsonWebToken token;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "30")
    long skewSeconds;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null || token == null || token.getRawToken() == null) {
            return;
        }
        Instant latest = clock.instant().plusSeconds(skewSeconds);
        boolean early = seconds("iat").filter(iat -> iat > latest.getEpochSecond()).isPresent()
                || seconds("nbf").filter(nbf -> nbf > latest.getEpochSecond()).isPresent();
        if (early) {
            LOG.info("Rejected access token: not yet valid (iat or nbf in the future)");
            request.abortWith(Problem.of(401, "invalid-token", "Invalid access token",
                            "The access token is not yet valid.")
                    .response()
                    .header(BearerChallenge.HEADER, BearerChallenge.invalidToken("the token is not yet valid"))
                    .build());
        }
    }

    private Optional<Long> seconds(String claim) {
        Object value = token.getClaim(claim);
        if (value instanceof Number n) {
            return Optional.of(n.longValue());
        }
        if (value instanceof jakarta.json.JsonNumber n) {
            return Optional.of(n.longValue());
        }
        return Optional.empty();
    }
}
