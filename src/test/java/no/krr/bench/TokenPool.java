package no.krr.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import no.krr.testdouble.OutsideWorld;

/**
 * The API bench's ID-porten tokens, minted by the double and kept for the whole bench: token
 * {@code i} is of citizen {@code i mod citizens}. {@link #fresh} hands out tokens no earlier call
 * handed out (until the pool reaches {@value #MOST} and starts again), minting more when it must, so that every request of a
 * measured run carries a token of its own, as citizens' tokens are used a handful of times in life.
 */
final class TokenPool {

    /** Longer than any bench run: no token expires while it is in use. */
    private static final Duration LIFETIME = Duration.ofHours(3);
    /** Beyond this many tokens (some 180 MB of heap; minting is slow, an RSA signature each) {@link #fresh} starts again from the first. */
    private static final int MOST = 120_000;

    private final OutsideWorld world;
    private final List<String> citizens;
    private final Path dir;
    private final List<String> tokens = new ArrayList<>();
    private int next;
    private int files;

    TokenPool(OutsideWorld world, List<String> citizens, Path dir) {
        this.world = world;
        this.citizens = List.copyOf(citizens);
        this.dir = dir;
    }

    OutsideWorld world() {
        return world;
    }

    int citizens() {
        return citizens.size();
    }

    String citizen(int token) {
        return citizens.get(token % citizens.size());
    }

    String token(int i) {
        return tokens.get(i);
    }

    /** At least {@code count} tokens minted (in parallel: an RSA signature each). */
    void ensure(int count) {
        if (tokens.size() >= count) {
            return;
        }
        long t0 = System.nanoTime();
        int from = tokens.size();
        List<String> minted = IntStream.range(from, count).parallel()
                .mapToObj(i -> world.idporten().token(citizen(i)).audience(ApiBench.AUDIENCE).lifetime(LIFETIME).mint())
                .toList();
        tokens.addAll(minted);
        System.out.printf(Locale.ROOT, "    minted %,d tokens in %.1f s (%,d in the pool)%n", minted.size(),
                (System.nanoTime() - t0) / 1e9, tokens.size());
    }

    /** The first tokens, for runs whose tokens may repeat (warm-ups). */
    Path warmUpFile() throws IOException {
        return file(0, Math.min(tokens.size(), 4_000), "tokens-warm-up.txt").file();
    }

    /** {@code count} tokens that no earlier call handed out since the pool last started again. */
    ApiBench.Tokens fresh(int count) throws IOException {
        if (next + count > Math.max(MOST, count)) {
            next = 0;
        }
        ApiBench.Tokens slice = file(next, count, "tokens-" + (files++ % 2) + ".txt");
        next += count;
        return slice;
    }

    ApiBench.Tokens file(int offset, int count, String name) throws IOException {
        ensure(offset + count);
        Path file = dir.resolve(name);
        Files.write(file, tokens.subList(offset, offset + count), StandardCharsets.UTF_8);
        return new ApiBench.Tokens(file, offset, count);
    }
}
