package no.krr.upstream;

import java.time.Duration;

/** How the retry loop waits; tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
