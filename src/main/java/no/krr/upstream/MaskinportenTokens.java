package no.krr.upstream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cache of Maskinporten access tokens for the upstream register (docs/register.md §4); the
 * token comes from a {@link MaskinportenGrant}, whose assertion a {@link MaskinportenAssertion}
 * signs.
 *
 * <p>The token is reused until shortly before it expires: the larger of 20 s and a tenth of its
 * lifetime, but never more than half of it, before {@code expires_in} runs out (measured from when
 * the grant was sent). One grant at a time: parallel callers wait for the one grant in flight
 * instead of each asking Maskinporten. {@link #invalidate(String)} drops a token the register
 * refused (401), so the next call gets a fresh one.
 *
 * <p>Nothing here logs or reports a token or an assertion.
 */
@ApplicationScoped
public class MaskinportenTokens {

    static final Duration MIN_MARGIN = Duration.ofSeconds(20);

    @Inject
    MaskinportenSettings settings;

    @Inject
    Clock clock;

    private final ReentrantLock grantLock = new ReentrantLock();
    private volatile Token current;
    private MaskinportenGrant grant;

    /** A token and when to stop using it. */
    private record Token(String value, Instant refreshAt) {
    }

    /** For CDI. */
    protected MaskinportenTokens() {
    }

    /** For tests and tools: the settings and clock given. */
    public MaskinportenTokens(MaskinportenSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        init();
    }

    @PostConstruct
    void init() {
        grant = new MaskinportenGrant(settings, new MaskinportenAssertion(settings, clock));
    }

    /**
     * A valid access token: the cached one, or a fresh one from Maskinporten.
     *
     * @throws UpstreamException when no token can be had; {@link UpstreamException#retryable()} tells
     *                           a Maskinporten outage from a refusal or a configuration error
     */
    public String token() throws UpstreamException {
        Token token = current;
        if (fresh(token)) {
            return token.value();
        }
        try {
            grantLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException("interrupted while waiting for a Maskinporten token", true);
        }
        try {
            token = current;
            if (fresh(token)) {
                return token.value(); // another caller's grant
            }
            Instant sentAt = clock.instant();
            MaskinportenGrant.Granted granted = grant.request(sentAt);
            token = new Token(granted.accessToken(), sentAt.plus(granted.lifetime()).minus(margin(granted.lifetime())));
            current = token;
            return token.value();
        } finally {
            grantLock.unlock();
        }
    }

    /** Forgets the cached token, whatever it is. */
    public void invalidate() {
        current = null;
    }

    /**
     * Forgets the cached token if it is still {@code rejected}: when many callers saw the same 401,
     * only the first one costs a grant.
     */
    public void invalidate(String rejected) {
        Token token = current;
        if (token != null && token.value().equals(rejected)) {
            current = null;
        }
    }

    private boolean fresh(Token token) {
        return token != null && clock.instant().isBefore(token.refreshAt());
    }

    /** How long before expiry a token is replaced: see the class comment. */
    static Duration margin(Duration lifetime) {
        Duration tenth = lifetime.dividedBy(10);
        Duration margin = tenth.compareTo(MIN_MARGIN) > 0 ? tenth : MIN_MARGIN;
        Duration half = lifetime.dividedBy(2);
        return margin.compareTo(half) > 0 ? half : margin;
    }
}
