package no.krr.testsupport;

import jakarta.ws.rs.SeBootstrap;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.Variant;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.util.concurrent.CompletionStage;

/**
 * Stands in for the JAX-RS implementation (Payara's Jersey) in plain unit tests, where there is
 * none: value classes such as {@code EntityTag} look a runtime up when they are loaded, although
 * their constructors, {@code equals} and getters never use it. Everything that would need a real
 * runtime fails loudly, so no test can pass by accident on behaviour this stub does not have.
 */
public class NoJaxRsRuntime extends RuntimeDelegate {

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("no JAX-RS runtime in unit tests");
    }

    @Override
    public <T> HeaderDelegate<T> createHeaderDelegate(Class<T> type) {
        return new HeaderDelegate<>() {
            @Override
            public T fromString(String value) {
                throw unsupported();
            }

            @Override
            public String toString(T value) {
                throw unsupported();
            }
        };
    }

    @Override
    public UriBuilder createUriBuilder() {
        throw unsupported();
    }

    @Override
    public Response.ResponseBuilder createResponseBuilder() {
        throw unsupported();
    }

    @Override
    public Variant.VariantListBuilder createVariantListBuilder() {
        throw unsupported();
    }

    @Override
    public <T> T createEndpoint(Application application, Class<T> endpointType) {
        throw unsupported();
    }

    @Override
    public Link.Builder createLinkBuilder() {
        throw unsupported();
    }

    @Override
    public SeBootstrap.Configuration.Builder createConfigurationBuilder() {
        throw unsupported();
    }

    @Override
    public CompletionStage<SeBootstrap.Instance> bootstrap(Application application, SeBootstrap.Configuration configuration) {
        throw unsupported();
    }

    @Override
    public CompletionStage<SeBootstrap.Instance> bootstrap(Class<? extends Application> clazz,
                                                           SeBootstrap.Configuration configuration) {
        throw unsupported();
    }

    @Override
    public EntityPart.Builder createEntityPartBuilder(String partName) {
        throw unsupported();
    }
}
