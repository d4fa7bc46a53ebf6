package no.krr.testdouble;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agency identity provider's login (OpenID Connect authorization code flow with PKCE), for the
 * console: a page where one picks a test user (no password), a one-time code, and the token
 * endpoint that gives an access token and an ID token for it. The test users: two operators with
 * the admin scope, one staff member without it, and a citizen (a token with {@code pid}), so that a
 * refused login can be tried too.
 *
 * <pre>
 * GET  /agency/authorize?response_type=code&amp;client_id&amp;redirect_uri&amp;scope&amp;state&amp;nonce&amp;code_challenge&amp;code_challenge_method=S256
 * POST /agency/authorize   (the page's form: who, and the request's parameters) → 302 redirect_uri?code&amp;state
 * POST /agency/token       grant_type=authorization_code, code, redirect_uri, client_id, code_verifier
 * GET  /agency/logout?post_logout_redirect_uri=…  → 302 there
 * </pre>
 */
public final class AgencyLogin {

    /** A test user of the login page. */
    public record User(String id, String name, String description, List<String> scopes, Optional<String> pid) {
    }

    public static final List<User> USERS = List.of(
            new User("operator-1", "Ola Operatør", "driftsoperatør, har krr:admin", List.of(AgencyIdp.ADMIN_SCOPE), Optional.empty()),
            new User("operator-2", "Kari Drift", "driftsoperatør, har krr:admin", List.of(AgencyIdp.ADMIN_SCOPE), Optional.empty()),
            new User("reader-1", "Lise Lesevik", "ansatt uten krr:admin", List.of("krr:read"), Optional.empty()),
            new User("citizen-1", "Nora Innbygger", "innbygger (token med pid)", List.of(AgencyIdp.ADMIN_SCOPE),
                    Optional.of("23079421936")));

    /** How long a login's tokens live: a working session in the sandbox, then a new login. */
    static final java.time.Duration LIFETIME = java.time.Duration.ofHours(1);

    private record Grant(User user, String clientId, String redirectUri, String challenge, String nonce) {
    }

    private final AgencyIdp agency;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    AgencyLogin(AgencyIdp agency) {
        this.agency = agency;
    }

    void page(HttpExchange exchange) throws IOException {
        Map<String, String> query = OutsideWorld.query(exchange);
        Optional<String> refused = refusal(query);
        if (refused.isPresent()) {
            OutsideWorld.send(exchange, 400, "text/plain; charset=utf-8", refused.get());
            return;
        }
        StringBuilder buttons = new StringBuilder();
        for (User user : USERS) {
            buttons.append("<li><button type=\"submit\" name=\"who\" value=\"").append(user.id()).append("\" id=\"login-")
                    .append(user.id()).append("\">").append(escape(user.name())).append(" <small>(").append(user.id())
                    .append(", ").append(escape(user.description())).append(")</small></button></li>\n");
        }
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("client_id", "redirect_uri", "state", "nonce", "code_challenge", "scope")) {
            hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                    .append(escape(query.getOrDefault(name, ""))).append("\">\n");
        }
        OutsideWorld.send(exchange, 200, "text/html; charset=utf-8", """
                <!DOCTYPE html>
                <html lang="nb"><head><meta charset="utf-8"><title>Testinnlogging – virksomhetens identitetsleverandør</title>
                <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1e2b3c}
                ul{list-style:none;padding:0}li{margin:.5rem 0}button{font:inherit;padding:.6rem 1rem;width:100%%;text-align:left;
                border:1px solid #0062ba;border-radius:6px;background:#fff;cursor:pointer}button:focus,button:hover{background:#e6f0fa}
                .note{color:#555}</style></head><body>
                <h1>Testinnlogging</h1>
                <p class="note">Sandkassens identitetsleverandør for virksomheten. Velg en testbruker; det er ikke noe passord.</p>
                <form method="post" action="authorize">
                %s<ul>
                %s</ul>
                </form></body></html>
                """.formatted(hidden, buttons));
    }

    void choose(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        Optional<String> refused = refusal(Map.of("response_type", "code", "code_challenge_method", "S256",
                "client_id", form.getOrDefault("client_id", ""), "redirect_uri", form.getOrDefault("redirect_uri", ""),
                "code_challenge", form.getOrDefault("code_challenge", "")));
        Optional<User> user = USERS.stream().filter(u -> u.id().equals(form.get("who"))).findFirst();
        if (refused.isPresent() || user.isEmpty()) {
            OutsideWorld.send(exchange, 400, "text/plain; charset=utf-8", refused.orElse("unknown test user"));
            return;
        }
        String code = randomValue();
        codes.put(code, new Grant(user.get(), form.get("client_id"), form.get("redirect_uri"), form.get("code_challenge"),
                form.getOrDefault("nonce", "")));
        String target = form.get("redirect_uri") + (form.get("redirect_uri").contains("?") ? "&" : "?")
                + "code=" + encode(code) + "&state=" + encode(form.getOrDefault("state", ""));
        exchange.getResponseHeaders().set("Location", target);
        exchange.sendResponseHeaders(302, -1);
    }

    void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (!"authorization_code".equals(form.get("grant_type"))) {
            oauthError(exchange, "unsupported_grant_type");
            return;
        }
        if (grant == null || !grant.clientId().equals(form.get("client_id"))
                || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.challenge().equals(challengeOf(form.getOrDefault("code_verifier", "")))) {
            oauthError(exchange, "invalid_grant");
            return;
        }
        User user = grant.user();
        IdPorten.Token access = agency.token().subject(user.id()).clientId(grant.clientId()).scopes(user.scopes())
                .lifetime(LIFETIME);
        user.pid().ifPresent(access::pid);
        String idToken = agency.token().subject(user.id()).audience(grant.clientId()).clientId(grant.clientId())
                .without("scope").claim("nonce", grant.nonce()).claim("name", user.name()).lifetime(LIFETIME).mint();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", access.mint());
        answer.put("token_type", "Bearer");
        answer.put("expires_in", LIFETIME.toSeconds());
        answer.put("id_token", idToken);
        OutsideWorld.sendJson(exchange, 200, JSONObjectUtils.toJSONString(answer));
    }

    void logout(HttpExchange exchange) throws IOException {
        String target = OutsideWorld.query(exchange).get("post_logout_redirect_uri");
        if (target == null || !URI.create(target).isAbsolute()) {
            OutsideWorld.send(exchange, 200, "text/plain; charset=utf-8", "Logget ut hos identitetsleverandøren.");
            return;
        }
        exchange.getResponseHeaders().set("Location", target);
        exchange.sendResponseHeaders(302, -1);
    }

    private static Optional<String> refusal(Map<String, String> query) {
        if (!"code".equals(query.get("response_type"))) {
            return Optional.of("response_type must be code");
        }
        if (!"S256".equals(query.get("code_challenge_method")) || query.getOrDefault("code_challenge", "").isBlank()) {
            return Optional.of("PKCE is required: code_challenge with code_challenge_method=S256");
        }
        if (query.getOrDefault("client_id", "").isBlank() || query.getOrDefault("redirect_uri", "").isBlank()) {
            return Optional.of("client_id and redirect_uri are required");
        }
        return Optional.empty();
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            params.putIfAbsent(java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String challengeOf(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void oauthError(HttpExchange exchange, String error) throws IOException {
        OutsideWorld.sendJson(exchange, 400, "{\"error\":\"" + error + "\"}");
    }

    private String randomValue() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
