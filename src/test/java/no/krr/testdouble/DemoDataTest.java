package no.krr.testdouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.krr.person.NationalId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant LIMIT = NOW.atZone(DemoData.OSLO).minusMonths(18).toInstant();
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
    private static final Pattern MOBILE = Pattern.compile("^\\+?[- _0-9]+$");
    private static final Set<String> TOP_LEVEL = Set.of("personidentifikator", "reservasjon", "reservasjonstidspunkt",
            "reservasjon_oppdatert", "status", "varslingsstatus", "kontaktinformasjon", "digital_post", "sertifikat",
            "spraak", "spraak_oppdatert");
    private static final Set<String> SUFFIXES = Set.of("", "_oppdatert", "_sist_verifisert", "_sist_validert", "_duplisert");

    private static List<String> lines;
    private static Map<String, JsonObject> persons;

    @BeforeAll
    static void generate() {
        lines = DemoData.lines(DemoData.DEFAULT_SYNTHETIC_COUNT, CLOCK).toList();
        persons = new HashMap<>();
        for (String line : lines) {
            JsonObject person = parse(line);
            persons.put(person.getString("personidentifikator"), person);
        }
    }

    private static JsonObject parse(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }

    @Test
    void everyLineIsOneJsonObjectWithUniqueValidIds() {
        assertEquals(DemoData.publishedTestPersons().size() + DemoData.DEFAULT_SYNTHETIC_COUNT, lines.size());
        assertEquals(lines.size(), persons.size(), "ids are unique");
        for (String line : lines) {
            assertFalse(line.contains("\n"));
            assertFalse(line.contains("null"), line);
        }
        Set<String> published = new HashSet<>(DemoData.publishedTestPersons());
        for (String id : persons.keySet()) {
            assertTrue(NationalId.isValid(id), id);
            if (!published.contains(id)) {
                int month = Integer.parseInt(id.substring(2, 4));
                assertTrue(month > 80 && month <= 92, "synthetic (month + 80): " + id);
                assertEquals(NationalId.Kind.SYNTETISK, new NationalId(id).kind());
            }
        }
    }

    @Test
    void theShapeIsThatOfDomainSection1() {
        for (JsonObject p : persons.values()) {
            assertTrue(TOP_LEVEL.containsAll(p.keySet()), p.keySet().toString());
            assertTrue(p.containsKey("status") && p.containsKey("varslingsstatus"));
            for (Map.Entry<String, JsonValue> e : p.entrySet()) {
                if (e.getKey().endsWith("_oppdatert") || e.getKey().equals("reservasjonstidspunkt")) {
                    assertTimestamp(((JsonString) e.getValue()).getString());
                }
            }
            if (p.containsKey("kontaktinformasjon")) {
                JsonObject k = p.getJsonObject("kontaktinformasjon");
                assertFalse(k.isEmpty());
                for (String key : k.keySet()) {
                    String base = key.startsWith("epostadresse") ? "epostadresse" : "mobiltelefonnummer";
                    assertTrue(key.startsWith(base) && SUFFIXES.contains(key.substring(base.length())), key);
                    if (key.endsWith("_oppdatert") || key.endsWith("_sist_verifisert") || key.endsWith("_sist_validert")) {
                        assertTimestamp(k.getString(key));
                    }
                    if (key.endsWith("_duplisert")) {
                        assertTrue(Set.of("JA", "NEI").contains(k.getString(key)));
                    }
                }
                if (k.containsKey("mobiltelefonnummer")) {
                    String mobile = k.getString("mobiltelefonnummer");
                    assertTrue(MOBILE.matcher(mobile).matches() && mobile.length() >= 8 && mobile.length() <= 20, mobile);
                    String national = mobile.startsWith("+47") ? mobile.substring(3) : mobile;
                    assertTrue(national.startsWith("4") || national.startsWith("9"), mobile);
                }
                if (k.containsKey("epostadresse")) {
                    assertTrue(k.getString("epostadresse").matches("[a-z0-9.]+@example\\.com"), k.getString("epostadresse"));
                }
            }
            if (p.containsKey("digital_post")) {
                JsonObject d = p.getJsonObject("digital_post");
                assertTrue(d.getString("postkasseadresse").matches("[a-z.]+#[A-Z0-9]{4}"));
                assertTrue(d.getString("postkasseleverandoeradresse").matches("\\d{9}"));
            }
            if (p.containsKey("sertifikat")) {
                assertTrue(p.containsKey("digital_post"));
                byte[] der = Base64.getDecoder().decode(p.getString("sertifikat"));
                assertEquals(0x30, der[0] & 0xff, "a DER sequence");
            }
            if (p.containsKey("spraak")) {
                assertTrue(Set.of("nb", "nn", "en", "se").contains(p.getString("spraak")));
                assertTrue(p.containsKey("spraak_oppdatert"));
            }
        }
    }

    @Test
    void slettetAndIkkeRegistrertCarryNoContactData() {
        for (JsonObject p : persons.values()) {
            if (!p.getString("status").equals("AKTIV")) {
                assertEquals(Set.of("personidentifikator", "status", "varslingsstatus"), p.keySet());
                assertEquals("KAN_IKKE_VARSLES", p.getString("varslingsstatus"));
            } else {
                assertTrue(p.containsKey("reservasjon"));
                assertTrue(p.containsKey("reservasjon_oppdatert"));
                assertEquals(p.getString("reservasjon").equals("JA"), p.containsKey("reservasjonstidspunkt"));
            }
        }
    }

    @Test
    void varslingsstatusFollowsThe18MonthRuleAtGenerationTime() {
        for (JsonObject p : persons.values()) {
            boolean expected = p.getString("status").equals("AKTIV") && p.getString("reservasjon").equals("NEI")
                    && (fresh(p, "epostadresse") || fresh(p, "mobiltelefonnummer"));
            assertEquals(expected ? "KAN_VARSLES" : "KAN_IKKE_VARSLES", p.getString("varslingsstatus"),
                    p.getString("personidentifikator"));
        }
    }

    @Test
    void thePublishedTestPersonsMatchTheirDescription() {
        for (String id : DemoData.publishedTestPersons()) {
            assertTrue(persons.containsKey(id), id);
        }
        assertEquals(DemoData.publishedTestPersons(), lines.subList(0, 10).stream()
                .map(l -> parse(l).getString("personidentifikator")).toList(), "written first");
        for (String ordinary : List.of("23079421936", "20914695016", "11822648950")) {
            JsonObject p = persons.get(ordinary);
            assertEquals("AKTIV", p.getString("status"));
            assertEquals("NEI", p.getString("reservasjon"));
            assertTrue(fresh(p, "epostadresse") && fresh(p, "mobiltelefonnummer"), ordinary);
            assertEquals("KAN_VARSLES", p.getString("varslingsstatus"));
        }
        assertTrue(persons.get("23079421936").containsKey("digital_post"));
        assertTrue(persons.get("23079421936").containsKey("sertifikat"));

        JsonObject expired = persons.get("11887197158");
        assertEquals("AKTIV", expired.getString("status"));
        assertTrue(has(expired, "epostadresse") && has(expired, "mobiltelefonnummer"));
        assertFalse(fresh(expired, "epostadresse") || fresh(expired, "mobiltelefonnummer"));
        assertEquals("KAN_IKKE_VARSLES", expired.getString("varslingsstatus"));

        JsonObject slettet = persons.get("17894199350");
        assertEquals("SLETTET", slettet.getString("status"));
        assertFalse(slettet.containsKey("kontaktinformasjon"));

        JsonObject reserved = persons.get("04846697271");
        assertEquals("JA", reserved.getString("reservasjon"));
        assertTrue(reserved.containsKey("reservasjonstidspunkt"));
        assertEquals("KAN_IKKE_VARSLES", reserved.getString("varslingsstatus"));

        JsonObject onlyMobile = persons.get("23837998492");
        assertTrue(has(onlyMobile, "mobiltelefonnummer") && !has(onlyMobile, "epostadresse"));
        assertEquals("KAN_VARSLES", onlyMobile.getString("varslingsstatus"));
        JsonObject onlyEmail = persons.get("18868299939");
        assertTrue(has(onlyEmail, "epostadresse") && !has(onlyEmail, "mobiltelefonnummer"));
        assertEquals("KAN_VARSLES", onlyEmail.getString("varslingsstatus"));

        assertEquals("nn", persons.get("18886799280").getString("spraak"));
        assertEquals("en", persons.get("01814797763").getString("spraak"));
    }

    @Test
    void everyCaseIsCovered() {
        assertCovered(persons.values());
    }

    @Test
    void everyCaseIsCoveredEvenByASmallSet() {
        assertCovered(DemoData.lines(DemoData.GUARANTEED_CASES, CLOCK).map(DemoDataTest::parse).toList());
    }

    @Test
    void isDeterministicForASeedAndClockAndMovesWithTheClock() {
        assertEquals(lines.subList(0, 200), DemoData.lines(190, CLOCK).toList());
        List<String> later = DemoData.lines(190, Clock.fixed(NOW.plusSeconds(86_400), ZoneOffset.UTC)).toList();
        assertNotEquals(lines.subList(0, 200), later);
        assertNotEquals(lines.subList(0, 200), DemoData.lines(190, CLOCK, 42L).toList());
        String ndjson = DemoData.ndjson(5, CLOCK);
        assertTrue(ndjson.endsWith("}\n"));
        assertEquals(15, ndjson.lines().count());
    }

    private static void assertCovered(java.util.Collection<JsonObject> all) {
        Map<String, Long> cases = new TreeMap<>(all.stream().flatMap(p -> {
            List<String> tags = new java.util.ArrayList<>();
            tags.add("status=" + p.getString("status"));
            tags.add("varslingsstatus=" + p.getString("varslingsstatus"));
            if (p.getString("status").equals("AKTIV")) {
                String reservasjon = p.getString("reservasjon");
                String email = channelState(p, "epostadresse");
                String mobile = channelState(p, "mobiltelefonnummer");
                tags.add("reservasjon=" + reservasjon);
                tags.add("reservasjon=" + reservasjon + " email=" + email + " mobile=" + mobile);
                tags.add("channels=" + (email.equals("ABSENT") ? "" : "E") + (mobile.equals("ABSENT") ? "" : "M"));
                tags.add("spraak=" + p.getString("spraak", "absent"));
                JsonObject k = p.getJsonObject("kontaktinformasjon");
                if (k != null) {
                    k.keySet().stream().filter(key -> key.endsWith("_duplisert"))
                            .forEach(key -> tags.add(key + "=" + k.getString(key)));
                    if (k.containsKey("epostadresse_sist_verifisert") || k.containsKey("mobiltelefonnummer_sist_verifisert")) {
                        tags.add("verifisert");
                    }
                }
                tags.add("digital_post=" + p.containsKey("digital_post") + " sertifikat=" + p.containsKey("sertifikat"));
            }
            return tags.stream();
        }).collect(Collectors.groupingBy(t -> t, Collectors.counting())));

        List<String> required = new java.util.ArrayList<>(List.of("status=AKTIV", "status=SLETTET", "status=IKKE_REGISTRERT",
                "varslingsstatus=KAN_VARSLES", "varslingsstatus=KAN_IKKE_VARSLES",
                "channels=", "channels=E", "channels=M", "channels=EM",
                "spraak=nb", "spraak=nn", "spraak=en", "spraak=se", "spraak=absent",
                "epostadresse_duplisert=JA", "epostadresse_duplisert=NEI",
                "mobiltelefonnummer_duplisert=JA", "mobiltelefonnummer_duplisert=NEI", "verifisert",
                "digital_post=true sertifikat=true", "digital_post=false sertifikat=false"));
        for (String reservasjon : List.of("JA", "NEI")) {
            for (String[] mix : new String[][] {{"ABSENT", "ABSENT"}, {"FRESH", "ABSENT"}, {"STALE", "ABSENT"},
                    {"ABSENT", "FRESH"}, {"ABSENT", "STALE"}, {"FRESH", "FRESH"}, {"STALE", "STALE"},
                    {"FRESH", "STALE"}, {"STALE", "FRESH"}}) {
                required.add("reservasjon=" + reservasjon + " email=" + mix[0] + " mobile=" + mix[1]);
            }
        }
        for (String tag : required) {
            assertTrue(cases.getOrDefault(tag, 0L) > 0, "no demo person with " + tag + "; have " + cases);
        }
    }

    private static boolean has(JsonObject p, String channel) {
        return p.containsKey("kontaktinformasjon") && p.getJsonObject("kontaktinformasjon").containsKey(channel);
    }

    private static String channelState(JsonObject p, String channel) {
        return !has(p, channel) ? "ABSENT" : fresh(p, channel) ? "FRESH" : "STALE";
    }

    /** docs/register.md §2: max(_oppdatert, _sist_verifisert) later than now minus 18 months (Europe/Oslo). */
    private static boolean fresh(JsonObject p, String channel) {
        if (!has(p, channel)) {
            return false;
        }
        JsonObject k = p.getJsonObject("kontaktinformasjon");
        Instant latest = Instant.parse("1900-01-01T00:00:00Z");
        for (String suffix : List.of("_oppdatert", "_sist_verifisert")) {
            if (k.containsKey(channel + suffix)) {
                Instant t = OffsetDateTime.parse(k.getString(channel + suffix)).toInstant();
                latest = t.isAfter(latest) ? t : latest;
            }
        }
        return latest.isAfter(LIMIT);
    }

    private static void assertTimestamp(String value) {
        assertTrue(TIMESTAMP.matcher(value).matches(), value);
        OffsetDateTime parsed = OffsetDateTime.parse(value);
        assertFalse(parsed.toInstant().isAfter(NOW), "not in the future: " + value);
        int offsetHours = parsed.getOffset().getTotalSeconds() / 3600;
        assertTrue(offsetHours == 1 || offsetHours == 2, "Europe/Oslo offset: " + value);
    }
}
