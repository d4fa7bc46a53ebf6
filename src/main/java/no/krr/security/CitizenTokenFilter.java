package no.krr.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import no.krr.web.BearerChallenge;
import no.krr.web.Problem;

/**
 * The checks of the user API beyond a valid token: a {@code pid} that is a valid national id (else
 * 401, the token is not a citizen's) and an accepted {@code acr} (else 403). Runs after
 * {@link BearerTokenFilter} and before the role check, so a token with a bad {@code pid} is refused
 * as a token, whatever its scopes.
 */
@Provider
@CitizenToken
@Priority(Priorities.AUTHENTICATION + 100)
public class CitizenTokenFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(CitizenTokenFilter.class.getName());

    @Inject
    CallerToken caller;

    @Inject
    AuthSettings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        if (caller.pid().isEmpty()) {
            LOG.info("Rejected access token: pid claim missing or not a valid national id");
            request.abortWith(Problem.of(401, "invalid-token", "Invalid access token",
                            "The access token has no valid 'pid' claim.")
                    .response()
                    .header(BearerChallenge.HEADER, BearerChallenge.invalidToken("pid claim missing or invalid"))
                    .build());
            return;
        }
        String acr = caller.acr().orElse("");
        if (!settings.acceptedAcr().contains(acr)) {
            LOG.info(() -> "Rejected access token: acr '" + safe(acr) + "' not accepted");
            request.abortWith(Problem.of(403, "insufficient-user-authentication", "Insufficient user authentication",
                            "The user logged in at a level of assurance this API does not accept; accepted: "
                                    + settings.acceptedAcrList() + ".")
                    .response()
                    .header(BearerChallenge.HEADER, BearerChallenge.insufficientUserAuthentication(settings.acceptedAcrList()))
                    .build());
        }
    }

    private static String safe(String claim) {
        String printable = claim.replaceAll("[^A-Za-z0-9:._-]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
