package no.krr.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.ServletException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerFailureTest {

    private static final IllegalStateException POST_TOO_LARGE = new IllegalStateException("GRIZZLY0205: Post too large");

    @Test
    void grizzlysPostTooLargeIs413() {
        assertEquals(413, ContainerFailure.statusFor(500, Optional.of(POST_TOO_LARGE)));
    }

    @Test
    void alsoWhenAServletWrappedIt() {
        assertEquals(413, ContainerFailure.statusFor(500, Optional.of(new ServletException("health", POST_TOO_LARGE))));
    }

    @Test
    void anyOtherFailureKeepsTheReportedStatus() {
        assertEquals(500, ContainerFailure.statusFor(500, Optional.of(new IllegalStateException("something else"))));
        assertEquals(500, ContainerFailure.statusFor(500, Optional.of(new IllegalArgumentException("GRIZZLY0205 in another type"))));
        assertEquals(500, ContainerFailure.statusFor(500, Optional.of(new IllegalStateException())));
        assertEquals(404, ContainerFailure.statusFor(404, Optional.empty()));
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertEquals(503, ContainerFailure.statusFor(503, Optional.of(a)));
    }
}
