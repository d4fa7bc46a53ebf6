package no.krr.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.krr.person.InvalidPersonException;
import no.krr.person.PersonJsonReader;
import no.krr.person.PersonRecord;
import no.krr.reconcile.Classifier;
import no.krr.reconcile.Finding;
import no.krr.reconcile.LocalSnapshot;
import no.krr.sandbox.SandboxUpstream.Change;
import no.krr.sandbox.SandboxUpstream.Plan;
import no.krr.sandbox.SandboxUpstream.Result;
import no.krr.testdouble.DemoData;
import org.junit.jupiter.api.Test;

/**
 * The planted differences are exactly what the job's {@link Classifier} finds: every person of the
 * local demo data compared with its upstream copy (the register double's IKKE_REGISTRERT answer for
 * a person it lacks), as the reconciliation does.
 */
class SandboxUpstreamTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    private static final List<String> LOCAL = DemoData.lines(2000, CLOCK).toList();

    @Test
    void theSandboxPlanFindsEveryKindAsOftenAsPlanted() {
        Result result = SandboxUpstream.variant(LOCAL, 42);

        Map<Change, Integer> expected = new LinkedHashMap<>();
        expected.put(Change.SPRAAK_UPSTREAM_NEWER, 20);
        expected.put(Change.SPRAAK_LOCAL_NEWER, 10);
        expected.put(Change.VARSLINGSSTATUS, 10);
        expected.put(Change.SLETTET, 5);
        expected.put(Change.UNKNOWN, 5);
        assertEquals(expected, result.counts());
        assertEquals(Map.of("SPRAAK_UPSTREAM_NEWER", 20, "SPRAAK_LOCAL_NEWER", 10, "VARSLINGSSTATUS_MISMATCH", 10,
                "STATUS_MISMATCH", 10), result.expectedKinds());
        assertEquals(50, result.total());
        assertEquals(LOCAL.size() - 5, result.lines().size());

        Map<String, String> found = classifyAll(LOCAL, result.lines());
        Map<String, String> planted = result.planted().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().kind));
        assertEquals(planted, found);
    }

    @Test
    void thePublishedTestPersonsStayAsTheyAre() {
        Result result = SandboxUpstream.variant(LOCAL, 42);
        for (String pid : DemoData.publishedTestPersons()) {
            assertTrue(!result.planted().containsKey(pid), pid);
        }
        assertEquals(LOCAL.subList(0, 10), result.lines().subList(0, 10));
    }

    @Test
    void theSameSeedGivesTheSameLinesAndAnotherSeedOthers() {
        Result once = SandboxUpstream.variant(LOCAL, 7);
        Result again = SandboxUpstream.variant(LOCAL, 7);
        assertEquals(once.lines(), again.lines());
        assertEquals(once.planted(), again.planted());
        assertNotEquals(once.planted().keySet(), SandboxUpstream.variant(LOCAL, 8).planted().keySet());
    }

    @Test
    void aLargerPlanOnALargerSetIsExactToo() {
        List<String> local = DemoData.lines(20_000, CLOCK).toList();
        Result result = SandboxUpstream.variant(local, Plan.of(100, 50, 50, 25, 25), 1);
        assertEquals(250, result.total());
        assertEquals(result.planted().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().kind)), classifyAll(local, result.lines()));
    }

    @Test
    void aSmallSetGetsWhatItHasRoomFor() {
        List<String> local = DemoData.lines(30, CLOCK).toList();
        Result result = SandboxUpstream.variant(local, 3);
        assertTrue(result.total() < 50, "planted " + result.total());
        assertEquals(result.planted().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().kind)), classifyAll(local, result.lines()));
        assertTrue(SandboxUpstream.variant(DemoData.lines(0, CLOCK).toList(), 3).planted().isEmpty());
    }

    /** pid to the kind found, for every person with a finding (none may have two). */
    private static Map<String, String> classifyAll(List<String> local, List<String> upstream) {
        Map<String, PersonRecord> theirs = upstream.stream().map(SandboxUpstreamTest::read)
                .collect(Collectors.toMap(p -> p.personidentifikator().value(), Function.identity()));
        Map<String, String> found = new HashMap<>();
        for (String line : local) {
            PersonRecord ours = read(line);
            String pid = ours.personidentifikator().value();
            PersonRecord answer = Optional.ofNullable(theirs.get(pid))
                    .orElseGet(() -> read("{\"personidentifikator\":\"" + pid + "\",\"status\":\"IKKE_REGISTRERT\"}"));
            LocalSnapshot snapshot = new LocalSnapshot(ours.personidentifikator(), 1, ours.status(), ours.spraak(), ours.spraakOppdatert(),
                    ours.varslingsstatus());
            List<Finding> findings = Classifier.classify(snapshot, answer);
            assertTrue(findings.size() <= 1, pid + ": " + findings);
            findings.forEach(f -> found.put(pid, f.kind().name()));
        }
        return found;
    }

    private static PersonRecord read(String json) {
        try {
            return PersonJsonReader.read(json, PersonJsonReader.Strictness.LENIENT);
        } catch (InvalidPersonException e) {
            throw new AssertionError(json, e);
        }
    }
}
