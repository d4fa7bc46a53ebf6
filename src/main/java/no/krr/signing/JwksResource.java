package no.krr.signing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public keys that verify signed responses, current and previous (docs/api.md §2). Public and the
 * same for everyone, so no authentication and caches may keep it for a while: a new key appears
 * only with a restart, and the previous one stays published, so a five-minute-old copy still
 * verifies what it did.
 */
@Path("jwks.json")
@RequestScoped
@Tag(name = "signing", description = "Public keys that verify signed (application/jose) responses")
public class JwksResource {

    /** The media type of a JWK set (RFC 7517 §8.5). */
    public static final String JWK_SET_JSON = "application/jwk-set+json";

    static final String CACHE_CONTROL = "public, max-age=300";

    private static final MediaType JWK_SET_TYPE = new MediaType("application", "jwk-set+json");

    @Inject
    ResponseSigner signer;

    @GET
    @Produces({JWK_SET_JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "The signing keys",
            description = "A JWK set (RFC 7517) of the public keys that verify `application/jose` responses of "
                    + "`GET /rest/v1/person`: the current key and the previous ones still valid. Find the key by the "
                    + "JWS header's `kid` (the key's RFC 7638 SHA-256 thumbprint). Each key has `use: sig`, `x5c` when "
                    + "it has a certificate chain (leaf first), and `alg` when it is certain (always for the current key).")
    @APIResponse(responseCode = "200", description = "The JWK set; public parts only",
            headers = @Header(name = "Cache-Control", description = "public, max-age=300"),
            content = {@Content(mediaType = JWK_SET_JSON, schema = @Schema(type = SchemaType.OBJECT)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT))})
    @APIResponse(responseCode = "406", description = "Accept names neither application/jwk-set+json nor application/json",
            content = @Content(mediaType = "application/problem+json"))
    public Response jwks(@Context HttpHeaders headers) {
        return Response.ok(signer.publicJwksJson(), typeFor(headers.getAcceptableMediaTypes()))
                .header("Cache-Control", CACHE_CONTROL)
                .header("Vary", "Accept")
                .build();
    }

    /** The JWK set type unless the client prefers plain JSON (JAX-RS lists Accept best first). */
    static MediaType typeFor(List<MediaType> acceptable) {
        for (MediaType wanted : acceptable) {
            if (wanted.isCompatible(JWK_SET_TYPE)) {
                return JWK_SET_TYPE;
            }
            if (wanted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
        }
        return JWK_SET_TYPE;
    }
}
