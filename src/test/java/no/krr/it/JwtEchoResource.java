package no.krr.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;
import java.util.Set;
import no.krr.security.Scopes;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Echoes the injected token and claims as JSON (test only, see {@link JwtEchoApplication}). */
@Path("")
@RequestScoped
public class JwtEchoResource {

    @Inject
    JsonWebToken token;

    @Inject
    @Claim("pid")
    String pid;

    @Inject
    @Claim(standard = Claims.exp)
    long exp;

    @Inject
    @Claim("iat")
    Long iat;

    @Inject
    @Claim(standard = Claims.sub)
    Optional<String> sub;

    @Inject
    @Claim("acr")
    Optional<String> acr;

    @Inject
    @Claim("nbf")
    Optional<Long> nbf;

    @Inject
    @Claim("verified_extra")
    Boolean verifiedExtra;

    @Inject
    @Claim("groups")
    Set<String> groups;

    @Inject
    @Claim("pid")
    JsonString pidJson;

    @Inject
    @Claim("exp")
    JsonNumber expJson;

    @Inject
    @Claim("tags")
    JsonArray tags;

    @Inject
    @Claim("consumer")
    JsonObject consumer;

    @Inject
    @Claim("client_id")
    JsonValue clientId;

    @Inject
    LongLived longLived;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scopes.KONTAKTINFORMASJON_READ)
    public String echo() {
        return echoed().build().toString();
    }

    @GET
    @Path("open")
    @Produces(MediaType.APPLICATION_JSON)
    public String open() {
        return echoed().build().toString();
    }

    private JsonObjectBuilder echoed() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("name", String.valueOf(token.getName()))
                .add("subject", String.valueOf(token.getSubject()))
                .add("rawTokenLength", token.getRawToken() == null ? 0 : token.getRawToken().length())
                .add("tokenGroups", Json.createArrayBuilder(token.getGroups()))
                .add("tokenPid", String.valueOf(token.<Object>getClaim("pid")))
                .add("tokenText", token.toString())
                .add("tokenPidIsJsonString", token.getClaim("pid") instanceof JsonString)
                .add("tokenExpIsLong", token.getClaim("exp") instanceof Long)
                .add("pid", String.valueOf(pid))
                .add("exp", exp)
                .add("expMatches", exp == token.getExpirationTime())
                .add("iat", iat == null ? -1 : iat)
                .add("sub", sub.orElse("(none)"))
                .add("acr", acr.orElse("(none)"))
                .add("nbf", nbf.map(String::valueOf).orElse("(none)"))
                .add("verifiedExtra", String.valueOf(verifiedExtra))
                .add("groups", groups == null ? JsonValue.NULL : Json.createArrayBuilder(groups).build())
                .add("pidJson", pidJson == null ? JsonValue.NULL : pidJson)
                .add("expJson", expJson == null ? JsonValue.NULL : expJson)
                .add("tags", tags == null ? JsonValue.NULL : tags)
                .add("consumer", consumer == null ? JsonValue.NULL : consumer)
                .add("clientId", clientId == null ? JsonValue.NULL : clientId)
                .add("jti", String.valueOf(longLived.jti()))
                .add("jtiClaimName", longLived.jtiName())
                .add("principalIsToken", security.getUserPrincipal() instanceof JsonWebToken)
                .add("inScopeRole", security.isUserInRole(Scopes.KONTAKTINFORMASJON_READ))
                .add("inAdminRole", security.isUserInRole("krr-admin"));
        if (security.getUserPrincipal() instanceof JsonWebToken principal) {
            json.add("principalName", principal.getName());
        }
        return json;
    }

    /** A bean that outlives the request: it reads claims through ClaimValue, one fresh value per request. */
    @ApplicationScoped
    public static class LongLived {

        @Inject
        @Claim("jti")
        ClaimValue<String> jti;

        // methods, not the field: a caller holds the client proxy, whose own fields are never injected
        String jti() {
            return jti.getValue();
        }

        String jtiName() {
            return jti.getName();
        }
    }
}
