package no.krr.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import no.krr.web.NoStoreFilter;
import org.junit.jupiter.api.Test;

class JwksResourceTest {

    private static final MediaType JWK_SET = new MediaType("application", "jwk-set+json");

    @Test
    void theJwkSetTypeUnlessPlainJsonIsPreferred() {
        assertEquals(JWK_SET, JwksResource.typeFor(List.of()));
        assertEquals(JWK_SET, JwksResource.typeFor(List.of(MediaType.WILDCARD_TYPE)));
        assertEquals(JWK_SET, JwksResource.typeFor(List.of(new MediaType("application", "*"))));
        assertEquals(JWK_SET, JwksResource.typeFor(List.of(JWK_SET, MediaType.APPLICATION_JSON_TYPE)));
        assertEquals(MediaType.APPLICATION_JSON_TYPE, JwksResource.typeFor(List.of(MediaType.APPLICATION_JSON_TYPE)));
        assertEquals(MediaType.APPLICATION_JSON_TYPE,
                JwksResource.typeFor(List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.WILDCARD_TYPE)));
    }

    @Test
    void theJwksIsPublicAndCacheable() {
        assertFalse(JwksResource.class.isAnnotationPresent(RolesAllowed.class));
        assertTrue(Arrays.stream(JwksResource.class.getMethods())
                .noneMatch(m -> m.isAnnotationPresent(RolesAllowed.class) && !m.isAnnotationPresent(PermitAll.class)));
        assertFalse(new WellKnownApplication().getClasses().contains(NoStoreFilter.class));
        assertTrue(new WellKnownApplication().getClasses().contains(JwksResource.class));
        assertEquals("public, max-age=300", JwksResource.CACHE_CONTROL);
    }
}
