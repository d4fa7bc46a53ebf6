package no.krr.console;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import no.krr.security.OperatorSession;
import no.krr.web.Problem;

/**
 * The console's login and session over HTTP: {@code GET /console/login} sends the browser to the
 * admin issuer, {@code GET /console/callback} ends the login ({@link ConsoleLogin}),
 * {@code GET /console/session} tells the page who is logged in and its CSRF token,
 * {@code POST /console/logout} ends the session (CSRF header required), and
 * {@code GET /console/logged-out} says so.
 */
@WebServlet(urlPatterns = {ConsoleAuthServlet.LOGIN, ConsoleAuthServlet.CALLBACK, ConsoleAuthServlet.SESSION,
        ConsoleAuthServlet.LOGOUT, ConsoleAuthServlet.LOGGED_OUT})
public class ConsoleAuthServlet extends HttpServlet {

    static final String LOGIN = "/console/login";
    static final String CALLBACK = "/console/callback";
    static final String SESSION = "/console/session";
    static final String LOGOUT = "/console/logout";
    static final String LOGGED_OUT = "/console/logged-out";

    private static final Logger LOG = Logger.getLogger(ConsoleAuthServlet.class.getName());

    @Inject
    ConsoleLogin login;

    @Inject
    OpenIdProvider provider;

    @Inject
    ConsoleSettings settings;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        switch (request.getServletPath()) {
            case LOGIN -> startLogin(request, response);
            case CALLBACK -> callback(request, response);
            case SESSION -> session(request, response);
            case LOGGED_OUT -> page(response, 200, "Du er logget ut", "Du er logget ut av driftskonsollet.", "Logg inn igjen", LOGIN);
            default -> response.sendError(405);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (!LOGOUT.equals(request.getServletPath())) {
            response.sendError(405);
            return;
        }
        Optional<OperatorSession> operator = OperatorSession.of(request);
        if (operator.isPresent() && !operator.get().csrfMatches(request.getHeader(OperatorSession.CSRF_HEADER))) {
            problem(response, Problem.of(403, "csrf-token", "Missing CSRF token",
                    "Logging out needs the session's " + OperatorSession.CSRF_HEADER + " header; reload the page."));
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        operator.ifPresent(o -> LOG.info(() -> "Console logout of " + o.subject()));
        URI loggedOut = base(request).resolve(LOGGED_OUT);
        String location = loggedOut.toString();
        try {
            Optional<URI> endSession = provider.metadata().endSessionEndpoint();
            if (endSession.isPresent() && operator.isPresent()) {
                location = QueryStrings.append(endSession.get(), java.util.Map.of("id_token_hint", operator.get().idToken(),
                        "post_logout_redirect_uri", loggedOut.toString(), "client_id", settings.clientId())).toString();
            }
        } catch (OpenIdProvider.Unavailable e) {
            LOG.info(() -> "Console logout without the identity provider's logout: " + e.getMessage());
        }
        json(response, 200, Json.createObjectBuilder().add("location", location).build().toString());
    }

    private void startLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LoginAttempt attempt = LoginAttempt.start(clock.instant());
        URI target;
        try {
            target = login.authorizationRequest(attempt, callbackUri(request));
        } catch (OpenIdProvider.Unavailable e) {
            LOG.warning(() -> "Console login cannot start: " + e.getMessage());
            page(response, 503, "Innlogging er ikke tilgjengelig",
                    "Identitetsleverandøren svarer ikke, eller konsollet er ikke satt opp med en. Prøv igjen om litt.",
                    "Prøv igjen", LOGIN);
            return;
        }
        response.addCookie(ConsoleCookie.loginCookie(attempt.cookieValue(), (int) LoginAttempt.PATIENCE.toSeconds()));
        response.sendRedirect(target.toString());
    }

    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<LoginAttempt> attempt = Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(c -> c.getName().equals(LoginAttempt.COOKIE)).findFirst()
                .flatMap(c -> LoginAttempt.fromCookie(c.getValue()));
        response.addCookie(ConsoleCookie.loginCookie("", 0));
        Callback callback = Callback.of(attempt, parameter(request, "state"), parameter(request, "code"),
                parameter(request, "error"), clock.instant());
        if (callback instanceof Callback.Ended ended) {
            LOG.info(() -> "Console login ended: " + ended.logReason());
            page(response, 400, "Innloggingen ble ikke fullført", ended.reason(), "Logg inn på nytt", LOGIN);
            return;
        }
        ConsoleLogin.Outcome outcome = login.finish(attempt.orElseThrow(), (Callback.Code) callback, callbackUri(request),
                Randoms.urlSafe(32));
        HttpSession earlier = request.getSession(false);
        if (earlier != null) {
            earlier.invalidate();
        }
        switch (outcome) {
            case ConsoleLogin.Outcome.LoggedIn in -> {
                // a fresh session for the login, so an id planted before it is worth nothing after it
                request.getSession(true).setAttribute(OperatorSession.ATTRIBUTE, in.operator());
                ConsoleCookie.strict(response);
                LOG.info(() -> "Console login of " + in.operator().subject());
                // a page, not a redirect: after a redirect chain that began at the identity provider's site the
                // browser would not send the SameSite=Strict session cookie; a navigation from this page does
                response.setStatus(200);
                response.setContentType("text/html; charset=utf-8");
                response.getWriter().write(ConsolePage.onward("/console/"));
            }
            case ConsoleLogin.Outcome.Refused refused -> {
                LOG.info(() -> "Console login refused: " + refused.logReason());
                page(response, refused.status(), "Ingen tilgang", refused.reason(), "Logg inn som en annen", LOGIN);
            }
        }
    }

    private void session(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<OperatorSession> operator = OperatorSession.of(request)
                .filter(o -> o.expiresAt().isAfter(clock.instant()));
        if (operator.isEmpty()) {
            problem(response, Problem.of(401, "no-console-session", "Not logged in", "Log in at " + LOGIN + "."));
            return;
        }
        json(response, 200, Json.createObjectBuilder()
                .add("operator", operator.get().subject())
                .add("clientId", settings.clientId())
                .add("csrf", operator.get().csrfToken())
                .add("expiresAt", operator.get().expiresAt().toString())
                .build().toString());
    }

    private URI callbackUri(HttpServletRequest request) {
        return base(request).resolve(CALLBACK);
    }

    private URI base(HttpServletRequest request) {
        return settings.baseUrl().orElseGet(() -> URI.create(request.getRequestURL().toString()).resolve("/"));
    }

    private static Optional<String> parameter(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getParameter(name));
    }

    private static void page(HttpServletResponse response, int status, String title, String message, String linkText,
                             String link) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.getWriter().write(ConsolePage.of(title, message, linkText, link));
    }

    private static void problem(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem.toJson());
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }
}
