package no.krr.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    final LoginAttempt attempt = LoginAttempt.start(NOW);

    Callback of(Optional<String> state, Optional<String> code, Optional<String> error) {
        return Callback.of(Optional.of(attempt), state, code, error, NOW.plusSeconds(5));
    }

    @Test
    void theRightStateWithACodeGivesTheCode() {
        assertEquals(new Callback.Code("abc"), of(Optional.of(attempt.state()), Optional.of("abc"), Optional.empty()));
    }

    @Test
    void noAttemptInThisBrowserEndsTheLogin() {
        Callback callback = Callback.of(Optional.empty(), Optional.of(attempt.state()), Optional.of("abc"), Optional.empty(), NOW);
        assertInstanceOf(Callback.Ended.class, callback);
    }

    @Test
    void anotherStateEndsTheLoginEvenWithACode() {
        assertInstanceOf(Callback.Ended.class, of(Optional.of("forged"), Optional.of("abc"), Optional.empty()));
        assertInstanceOf(Callback.Ended.class, of(Optional.empty(), Optional.of("abc"), Optional.empty()));
    }

    @Test
    void theProvidersErrorEndsTheLoginAndOnlyItsCodeIsLogged() {
        Callback.Ended ended = (Callback.Ended) of(Optional.of(attempt.state()), Optional.empty(),
                Optional.of("access_denied\n<script>"));
        assertTrue(ended.logReason().endsWith("access_denied??script?"), ended.logReason());
    }

    @Test
    void noCodeEndsTheLogin() {
        assertInstanceOf(Callback.Ended.class, of(Optional.of(attempt.state()), Optional.of(" "), Optional.empty()));
    }

    @Test
    void aLateCallbackEndsTheLogin() {
        Callback callback = Callback.of(Optional.of(attempt), Optional.of(attempt.state()), Optional.of("abc"),
                Optional.empty(), NOW.plus(LoginAttempt.PATIENCE).plusSeconds(1));
        assertInstanceOf(Callback.Ended.class, callback);
    }
}
