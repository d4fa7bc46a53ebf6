package no.krr.upstream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The lookup of the upstream register (Oppslagstjenesten REST, docs/register.md §5) as a MicroProfile
 * Rest Client. The body goes out and comes back as raw JSON text, on purpose: each person of the
 * answer is validated on its own ({@link UpstreamAnswerReader}), so one bad item costs one person,
 * not the batch of 1000, as a bound DTO would.
 *
 * <p>{@link UpstreamCall} builds it with {@code RestClientBuilder} from {@code krr.upstream.url};
 * the {@code configKey} also lets it be injected ({@code krr-upstream/mp-rest/url} points at the
 * same key in {@code microprofile-config.properties}).
 */
@RegisterRestClient(configKey = "krr-upstream")
@Path("/rest/v1/personer")
public interface PersonerClient {

    /** {@code body} is {@code {"personidentifikatorer":[…]}}; the answer is {@code {"personer":[…]}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response personer(@HeaderParam("Authorization") String authorization, String body);
}
