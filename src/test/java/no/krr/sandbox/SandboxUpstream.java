package no.krr.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import no.krr.testdouble.DemoData;

/**
 * The upstream register's copy of the demo data, with planted differences: what the sandbox and
 * {@code no.krr.bench.ReconcileBench} load into the register double, so that a VERIFY run finds
 * every discrepancy kind a known number of times. Pure and deterministic: the same lines, plan and
 * seed give the same upstream lines.
 *
 * <p>Only synthetic AKTIV persons are changed (the published test persons of docs/register.md §7 stay as
 * they are), each at most once, and each change makes exactly one finding:
 * <ul>
 * <li>{@code SPRAAK_UPSTREAM_NEWER}: upstream has another language, changed 1 min to 23 h after
 *     ours (DemoData's language changes are at least a day old, so it is still in the past);</li>
 * <li>{@code SPRAAK_LOCAL_NEWER}: upstream has another language, changed 1 to 400 days before ours;</li>
 * <li>{@code VARSLINGSSTATUS_MISMATCH}: upstream's {@code varslingsstatus} is the other value;</li>
 * <li>{@code STATUS_MISMATCH}: upstream says SLETTET (the person only, as the register writes a
 *     deleted person), or does not have the person at all (the double then answers
 *     IKKE_REGISTRERT).</li>
 * </ul>
 * Persons with a language and its timestamp are picked for the language changes. When the data
 * set has too few eligible persons, fewer are planted: {@link Result#planted()} says how many.
 */
public final class SandboxUpstream {

    /** What is planted in the upstream copy. */
    public enum Change {
        SPRAAK_UPSTREAM_NEWER("SPRAAK_UPSTREAM_NEWER"),
        SPRAAK_LOCAL_NEWER("SPRAAK_LOCAL_NEWER"),
        VARSLINGSSTATUS("VARSLINGSSTATUS_MISMATCH"),
        SLETTET("STATUS_MISMATCH"),
        UNKNOWN("STATUS_MISMATCH");

        /** The discrepancy kind a VERIFY run reports for it. */
        public final String kind;

        Change(String kind) {
            this.kind = kind;
        }

        boolean needsSpraak() {
            return this == SPRAAK_UPSTREAM_NEWER || this == SPRAAK_LOCAL_NEWER;
        }
    }

    /** How many persons to change, per change. */
    public record Plan(Map<Change, Integer> counts) {
        public Plan {
            counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        }

        /** The sandbox's: 20 upstream newer, 10 local newer, 10 varslingsstatus, 5 SLETTET, 5 unknown. */
        public static Plan sandbox() {
            return of(20, 10, 10, 5, 5);
        }

        public static Plan of(int upstreamNewer, int localNewer, int varsling, int slettet, int unknown) {
            Map<Change, Integer> counts = new LinkedHashMap<>();
            counts.put(Change.SPRAAK_UPSTREAM_NEWER, upstreamNewer);
            counts.put(Change.SPRAAK_LOCAL_NEWER, localNewer);
            counts.put(Change.VARSLINGSSTATUS, varsling);
            counts.put(Change.SLETTET, slettet);
            counts.put(Change.UNKNOWN, unknown);
            return new Plan(counts);
        }
    }

    /**
     * @param lines   the upstream lines: the local lines with the changes, unknown persons left out
     * @param planted national id to the change planted for it, in the order planted
     */
    public record Result(List<String> lines, Map<String, Change> planted) {

        /** Persons changed per change, every change listed (0 when none was planted). */
        public Map<Change, Integer> counts() {
            Map<Change, Integer> counts = new LinkedHashMap<>();
            for (Change c : Change.values()) {
                counts.put(c, 0);
            }
            planted.values().forEach(c -> counts.merge(c, 1, Integer::sum));
            return counts;
        }

        /** What a VERIFY run should count per discrepancy kind (SLETTET and unknown are both STATUS_MISMATCH). */
        public Map<String, Integer> expectedKinds() {
            Map<String, Integer> kinds = new LinkedHashMap<>();
            for (Change c : Change.values()) {
                kinds.merge(c.kind, 0, Integer::sum);
            }
            planted.values().forEach(c -> kinds.merge(c.kind, 1, Integer::sum));
            return kinds;
        }

        /** All planted differences: what VERIFY's {@code counts.discrepancies} should be. */
        public int total() {
            return planted.size();
        }

        /** One line for people, e.g. {@code SPRAAK_UPSTREAM_NEWER 20, ..., STATUS_MISMATCH 10 (5 SLETTET, 5 unknown)}. */
        public String describe() {
            Map<Change, Integer> c = counts();
            Map<String, Integer> k = expectedKinds();
            return "SPRAAK_UPSTREAM_NEWER " + k.get("SPRAAK_UPSTREAM_NEWER")
                    + ", SPRAAK_LOCAL_NEWER " + k.get("SPRAAK_LOCAL_NEWER")
                    + ", VARSLINGSSTATUS_MISMATCH " + k.get("VARSLINGSSTATUS_MISMATCH")
                    + ", STATUS_MISMATCH " + k.get("STATUS_MISMATCH")
                    + " (" + c.get(Change.SLETTET) + " SLETTET upstream, " + c.get(Change.UNKNOWN) + " unknown upstream)"
                    + "; " + total() + " in all";
        }
    }

    private static final String[] LANGUAGES = {"nb", "nn", "en", "se"};
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private SandboxUpstream() {
    }

    /** {@link Plan#sandbox()} over {@code lines}. */
    public static Result variant(List<String> lines, long seed) {
        return variant(lines, Plan.sandbox(), seed);
    }

    /**
     * The upstream copy of {@code lines} (DemoData lines: the published test persons first, then
     * synthetic ones) with the planned changes, persons drawn with a generator seeded with {@code seed}.
     */
    public static Result variant(List<String> lines, Plan plan, long seed) {
        Random rnd = new Random(seed);
        int first = Math.min(lines.size(), DemoData.publishedTestPersons().size());
        // candidates are drawn lazily (a partial Fisher-Yates shuffle): only the persons drawn are parsed
        int[] order = new int[lines.size() - first];
        for (int i = 0; i < order.length; i++) {
            order[i] = first + i;
        }
        int drawn = 0;
        List<String> upstream = new ArrayList<>(lines);
        Map<String, Change> planted = new LinkedHashMap<>();
        Set<Integer> unknown = new java.util.HashSet<>();
        // persons drawn but not fit for the change they were drawn for (no language), kept for the others
        List<Integer> setAside = new ArrayList<>();
        for (Change change : Change.values()) {
            int wanted = plan.counts().getOrDefault(change, 0);
            int done = 0;
            List<Integer> stillAside = new ArrayList<>();
            java.util.Iterator<Integer> aside = new ArrayList<>(setAside).iterator();
            setAside.clear();
            while (done < wanted) {
                int index;
                if (aside.hasNext()) {
                    index = aside.next();
                } else if (drawn < order.length) {
                    int pick = drawn + rnd.nextInt(order.length - drawn);
                    index = order[pick];
                    order[pick] = order[drawn];
                    order[drawn] = index;
                    drawn++;
                } else {
                    break;
                }
                JsonObject person = parse(lines.get(index));
                if (!"AKTIV".equals(person.getString("status", ""))) {
                    continue;
                }
                if (change.needsSpraak() && (!person.containsKey("spraak") || !person.containsKey("spraak_oppdatert"))) {
                    stillAside.add(index);
                    continue;
                }
                String pid = person.getString("personidentifikator");
                planted.put(pid, change);
                done++;
                if (change == Change.UNKNOWN) {
                    unknown.add(index);
                } else {
                    upstream.set(index, change(person, change, rnd));
                }
            }
            aside.forEachRemaining(stillAside::add);
            setAside.addAll(stillAside);
        }
        if (!unknown.isEmpty()) {
            List<String> kept = new ArrayList<>(upstream.size() - unknown.size());
            for (int i = 0; i < upstream.size(); i++) {
                if (!unknown.contains(i)) {
                    kept.add(upstream.get(i));
                }
            }
            upstream = kept;
        }
        return new Result(Collections.unmodifiableList(upstream), Collections.unmodifiableMap(planted));
    }

    private static String change(JsonObject person, Change change, Random rnd) {
        String pid = person.getString("personidentifikator");
        return switch (change) {
            case SPRAAK_UPSTREAM_NEWER, SPRAAK_LOCAL_NEWER -> {
                String ours = person.getString("spraak");
                OffsetDateTime oursAt = OffsetDateTime.parse(person.getString("spraak_oppdatert"));
                List<String> others = new ArrayList<>(List.of(LANGUAGES));
                others.remove(ours);
                String theirs = others.get(rnd.nextInt(others.size()));
                Duration shift = change == Change.SPRAAK_UPSTREAM_NEWER
                        ? Duration.ofSeconds(60 + rnd.nextInt(23 * 3600 - 60))
                        : Duration.ofDays(-1).minusSeconds(rnd.nextInt(399 * 86400));
                String theirsAt = TIMESTAMP.format(oursAt.plus(shift).toInstant().atZone(OSLO));
                yield Json.createObjectBuilder(person).add("spraak", theirs).add("spraak_oppdatert", theirsAt).build().toString();
            }
            case VARSLINGSSTATUS -> {
                String other = "KAN_VARSLES".equals(person.getString("varslingsstatus", "")) ? "KAN_IKKE_VARSLES" : "KAN_VARSLES";
                yield Json.createObjectBuilder(person).add("varslingsstatus", other).build().toString();
            }
            case SLETTET -> {
                JsonObjectBuilder deleted = Json.createObjectBuilder()
                        .add("personidentifikator", pid)
                        .add("status", "SLETTET")
                        .add("varslingsstatus", "KAN_IKKE_VARSLES");
                yield deleted.build().toString();
            }
            case UNKNOWN -> throw new IllegalArgumentException("an unknown person has no upstream line");
        };
    }

    private static JsonObject parse(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }
}
