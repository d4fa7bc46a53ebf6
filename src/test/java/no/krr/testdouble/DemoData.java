package no.krr.testdouble;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import no.krr.person.NationalId;

/**
 * The sandbox's (and the container tests') demo data: NDJSON, one Person per line in the exact
 * shape of docs/register.md §1 (absent members omitted, timestamps ISO-8601 with a full offset in
 * Europe/Oslo, e.g. {@code 2023-06-29T10:14:52+02:00}).
 *
 * <p>First the published test persons of docs/register.md §7, with data that matches their description,
 * then {@code syntheticCount} synthetic persons (Tenor-style ids, month + 80, valid check digits,
 * unique). The synthetic part is deterministic for a given seed and clock: its first
 * {@value #GUARANTEED_CASES} persons walk through every case once (AKTIV reserved or not with each
 * channel combination and each fresh/stale mix, SLETTET, IKKE_REGISTRERT, every language and none,
 * digital post, duplicated channels), the rest are drawn at random with realistic weights.
 *
 * <p>"Fresh" and "stale" are relative to the given clock and the 18-month rule (docs/register.md §2): a
 * channel is fresh while {@code max(_oppdatert, _sist_verifisert)} is after now minus 18 calendar
 * months in Europe/Oslo; generated values stay at least three days away from that limit.
 * {@code varslingsstatus} is what the rule gives at generation time. The certificates are
 * self-signed throwaway certificates ("KRR sandbox demo certificate", O=Test only).
 */
public final class DemoData {

    public static final int DEFAULT_SYNTHETIC_COUNT = 10_000;
    public static final long DEFAULT_SEED = 20_240_601L;
    /** How many synthetic persons are a fixed walk through all cases before the random ones. */
    public static final int GUARANTEED_CASES = 20;

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    /** Posten Norge (Digipost) and e-Boks, the two mailbox providers. */
    static final String DIGIPOST = "984661185";
    static final String EBOKS = "996460320";

    private static final String[] FIRST = {"ola", "kari", "per", "anne", "jon", "ingrid", "lars", "marit", "nils",
            "sigrid", "ole", "liv", "erik", "astrid", "knut", "solveig", "aslak", "elle", "mohammed", "fatima",
            "piotr", "agnieszka", "emma", "noah", "nora", "jakob", "sofie", "filip", "sara", "lukas"};
    private static final String[] LAST = {"nordmann", "hansen", "johansen", "olsen", "larsen", "andersen",
            "pedersen", "nilsen", "kristiansen", "jensen", "karlsen", "johnsen", "pettersen", "eriksen", "berg",
            "haugen", "hagen", "johannessen", "andreassen", "jacobsen", "dahl", "jorgensen", "halvorsen", "sara",
            "somby", "ali", "nowak", "lie", "moen", "bakken"};
    private static final String[] SPRAAK = {"nb", "nn", "en", "se", null};

    private static final String CERT_1 = ""
            + "MIIDODCCAiCgAwIBAgIJAKA1KRxr60s+MA0GCSqGSIb3DQEBDAUAMEoxCzAJBgNVBAYTAk5PMRIwEAYDVQQKEwlUZXN0IG9u"
            + "bHkxJzAlBgNVBAMTHktSUiBzYW5kYm94IGRlbW8gY2VydGlmaWNhdGUgMTAeFw0yNjExMjgwNzE5NTRaFw0zNjExMjUwNzE5"
            + "NTRaMEoxCzAJBgNVBAYTAk5PMRIwEAYDVQQKEwlUZXN0IG9ubHkxJzAlBgNVBAMTHktSUiBzYW5kYm94IGRlbW8gY2VydGlm"
            + "aWNhdGUgMTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAM3IAZ/QzbIbiukKlxJiEIsslmiAPmzjxUSQnZRqHGDa"
            + "zigZxctCLEF4/x+4NvuRyr3LyunT6+STpSTh+mj741N711kaQyK1GHCWfUpSWwTK89iDl7BUcyo7CRJMYmLgU74jDaUXRVVQ"
            + "AxWpzaI1F1h0m5GVj/VvTPR1EF5St1oHRU9ZsC5iHI1nEAY2tl/vId2NI52FdHZ7ZZ/pZY3b53H6kWqULQk/O/wVD68TruWe"
            + "BpBjyGOO1YsuKrlcNRa3Jxr2Q7j294ku+su5qDiK1s5qkfA59wcoceDCC8HwwgwAzyBV4cEae3CGg14l+uNZLUR+hP67v/p1"
            + "HkEdkUiCbqkCAwEAAaMhMB8wHQYDVR0OBBYEFHhkwqaEkvBu81wTCgjbqzXYinP/MA0GCSqGSIb3DQEBDAUAA4IBAQDKJRIP"
            + "Ux26eRGgvEMaTrMAKcV+4SI4rcIhzEqegTIddxsuS1fZYFC8FTP7etMFpKI4Qm4h6GVQOJnmK2+OtJk7FKjh9aUWaIj1n5YY"
            + "97h8Ava31MGjgiTKbX0bI+QCDxSn9/XDF9fKl8AizLmKkJPMGHcpacLFOI2zS2USLS40nMMOIefJOSnCOgviD9Sc5O6OLo7s"
            + "vTD29G34T8D3l8XmiOAn/BH2B4ZBdCgscB2g3iwPOI74I8a9vHq8fI+yli46/hJjpM96PgJvr+JdysGpoTXbc5B3Oj1Zxe+m"
            + "FFCRPXoMyEJL6WVp0t/QvGeIwj47yJAFSvKoiIiPuuhuCAZX"            ;
    private static final String CERT_2 = ""
            + "MIIDNzCCAh+gAwIBAgIIX7p+GbNNxUMwDQYJKoZIhvcNAQEMBQAwSjELMAkGA1UEBhMCTk8xEjAQBgNVBAoTCVRlc3Qgb25s"
            + "eTEnMCUGA1UEAxMeS1JSIHNhbmRib3ggZGVtbyBjZXJ0aWZpY2F0ZSAyMB4XDTI2MTEyODA3MTk1NVoXDTM2MTEyNTA3MTk1"
            + "NVowSjELMAkGA1UEBhMCTk8xEjAQBgNVBAoTCVRlc3Qgb25seTEnMCUGA1UEAxMeS1JSIHNhbmRib3ggZGVtbyBjZXJ0aWZp"
            + "Y2F0ZSAyMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArAWI4NNVo2+1ETaC/gKxUdZCZeaFZNOGta6YxnBP4OWP"
            + "p3XB+DlgCVmRmSAR3iCO4wFjvpScBR8p/q1S86D7Uy9SudBQpx50Dcg7cB6OhSr2z/dK2MeIe54FnZI0ENZSxBAFvOHfJ3gu"
            + "rkzD5yIi9nRvCyhhYjEBnE6C43cEZF46ZWjcxZ8lXzKzJepDR3gE2CfRWC9amgj9gRWlBVgu4Mrjzp4UYBr7tYZ9BjdSdxMg"
            + "tZI2X4VAgMi9Drvok1NSepmhIhQRx5kfA11Ofc29JDK6oA2/eicNapS8Wkmaqx0vb6NpAM8ib5l0qRtiMYThnp1dMdUMntqh"
            + "Oxv+PR/wVwIDAQABoyEwHzAdBgNVHQ4EFgQUhKfra9ieSlUqcr0q9vsAlqO2RXMwDQYJKoZIhvcNAQEMBQADggEBAJj8x2eX"
            + "+QpMTTVg8xXIWh6QmPVTsI+eAtEpObceSq5DWjXTTzECrR4+LGs18h4NuSwJw00p3/b4B/1EQ02hFjmgIqm77f8w/3T0Uh2M"
            + "Wr6fKguTrap8Qr3ncbRkenqrTuPK9oURQ9WNyjGAAm5yInJPY71LK4aJZGHfHoO+M76OiXyKzg2deBYcJwSeER8p8KCaeb9b"
            + "ceIaKLnrwSr0I4vEskK/t+IFZ2/6LNPpoXAC4VFF/0tzahu4wijLICbwsxw0odG2mHHFbH/PN9YPxV7Ihqg8RjXOr+x62Ean"
            + "U8Wxb1r2ej7HKeOg3DFICfsdgeIV3SSlRmFC98TsnVAz//o="            ;

    private DemoData() {
    }

    /** The published test persons of docs/register.md §7, in the order they are written. */
    public static List<String> publishedTestPersons() {
        return List.of("23079421936", "20914695016", "11887197158", "17894199350", "04846697271",
                "11822648950", "23837998492", "18868299939", "18886799280", "01814797763");
    }

    /** The published persons, then {@code syntheticCount} synthetic ones, seed {@link #DEFAULT_SEED}. */
    public static Stream<String> lines(int syntheticCount, Clock clock) {
        return lines(syntheticCount, clock, DEFAULT_SEED);
    }

    public static Stream<String> lines(int syntheticCount, Clock clock, long seed) {
        return new Generator(clock, seed).all(syntheticCount).stream();
    }

    /** The whole NDJSON document: every line ends with {@code \n}. */
    public static String ndjson(int syntheticCount, Clock clock) {
        StringBuilder out = new StringBuilder(syntheticCount * 700 + 8_000);
        lines(syntheticCount, clock).forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    public static Path write(Path file, int syntheticCount, Clock clock) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines(syntheticCount, clock)::iterator) {
                out.write(line);
                out.write('\n');
            }
        }
        return file;
    }

    /** {@code DemoData [file (default target/demo-persons.ndjson)] [syntheticCount (default 10000)]}. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/demo-persons.ndjson");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_SYNTHETIC_COUNT;
        write(file, count, Clock.systemUTC());
        System.out.println("wrote " + (publishedTestPersons().size() + count) + " persons to " + file);
    }

    // ---- generation -------------------------------------------------------------------------

    enum Channel { ABSENT, FRESH, STALE }

    record Profile(String status, boolean reserved, Channel email, Channel mobile, String spraak,
                   boolean digitalPost, boolean duplicatedEmail, boolean duplicatedMobile) {

        static Profile aktiv(Channel email, Channel mobile, String spraak) {
            return new Profile("AKTIV", false, email, mobile, spraak, false, false, false);
        }

        Profile withDigitalPost() {
            return new Profile(status, reserved, email, mobile, spraak, true, duplicatedEmail, duplicatedMobile);
        }

        Profile reservedJa() {
            return new Profile(status, true, email, mobile, spraak, false, duplicatedEmail, duplicatedMobile);
        }

        static Profile inactive(String status) {
            return new Profile(status, false, Channel.ABSENT, Channel.ABSENT, null, false, false, false);
        }
    }

    private static final class Generator {
        private static final Duration MARGIN = Duration.ofDays(3);
        private final Instant now;
        private final Instant limit;
        private final Random rnd;
        private final Set<String> ids = new HashSet<>(publishedTestPersons());
        private int serial;

        Generator(Clock clock, long seed) {
            this.now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            this.limit = now.atZone(OSLO).minusMonths(18).toInstant();
            this.rnd = new Random(seed);
        }

        List<String> all(int syntheticCount) {
            List<String> lines = new ArrayList<>(publishedTestPersons().size() + syntheticCount);
            Channel f = Channel.FRESH;
            Channel s = Channel.STALE;
            Channel a = Channel.ABSENT;
            lines.add(person("23079421936", "ola", "nordmann", Profile.aktiv(f, f, "nb").withDigitalPost()));
            lines.add(person("20914695016", "kari", "nordmann", Profile.aktiv(f, f, "nb")));
            lines.add(person("11887197158", "per", "gammeldata", Profile.aktiv(s, s, "nb")));
            lines.add(person("17894199350", "slettet", "person", Profile.inactive("SLETTET")));
            lines.add(person("04846697271", "rita", "reservert", Profile.aktiv(f, a, "nb").reservedJa()));
            lines.add(person("11822648950", "mona", "mobilogepost", Profile.aktiv(f, f, null).withDigitalPost()));
            lines.add(person("23837998492", "morten", "barmobil", Profile.aktiv(a, f, "nb")));
            lines.add(person("18868299939", "eva", "barepost", Profile.aktiv(f, a, "nb")));
            lines.add(person("18886799280", "nils", "nynorsk", Profile.aktiv(f, f, "nn")));
            lines.add(person("01814797763", "emily", "english", Profile.aktiv(f, f, "en")));
            List<Profile> guaranteed = guaranteedProfiles();
            for (int i = 0; i < syntheticCount; i++) {
                Profile profile = i < guaranteed.size() ? guaranteed.get(i) : randomProfile();
                lines.add(person(newId(), pick(FIRST), pick(LAST), profile));
            }
            return lines;
        }

        /** Every case once: AKTIV (NEI, JA) x 9 channel mixes, then SLETTET and IKKE_REGISTRERT. */
        private static List<Profile> guaranteedProfiles() {
            Channel a = Channel.ABSENT;
            Channel f = Channel.FRESH;
            Channel s = Channel.STALE;
            Channel[][] mixes = {{a, a}, {f, a}, {s, a}, {a, f}, {a, s}, {f, f}, {s, s}, {f, s}, {s, f}};
            List<Profile> profiles = new ArrayList<>();
            int i = 0;
            for (boolean reserved : new boolean[] {false, true}) {
                for (Channel[] mix : mixes) {
                    profiles.add(new Profile("AKTIV", reserved, mix[0], mix[1], SPRAAK[i % SPRAAK.length],
                            !reserved && i % 2 == 0, mix[0] != a && i % 3 == 0, mix[1] != a && i % 3 == 1));
                    i++;
                }
            }
            profiles.add(Profile.inactive("SLETTET"));
            profiles.add(Profile.inactive("IKKE_REGISTRERT"));
            if (profiles.size() != GUARANTEED_CASES) {
                throw new IllegalStateException("GUARANTEED_CASES is out of date");
            }
            return profiles;
        }

        private Profile randomProfile() {
            double st = rnd.nextDouble();
            if (st >= 0.98) {
                return Profile.inactive("IKKE_REGISTRERT");
            }
            if (st >= 0.90) {
                return Profile.inactive("SLETTET");
            }
            boolean reserved = rnd.nextDouble() < 0.10;
            double c = rnd.nextDouble();
            boolean hasEmail = c >= 0.06 && (c < 0.20 || c >= 0.38);
            boolean hasMobile = c >= 0.20;
            Channel email = hasEmail ? (rnd.nextDouble() < 0.78 ? Channel.FRESH : Channel.STALE) : Channel.ABSENT;
            Channel mobile = hasMobile ? (rnd.nextDouble() < 0.78 ? Channel.FRESH : Channel.STALE) : Channel.ABSENT;
            double l = rnd.nextDouble();
            String spraak = l < 0.60 ? "nb" : l < 0.72 ? "nn" : l < 0.80 ? "en" : l < 0.83 ? "se" : null;
            boolean digitalPost = !reserved && rnd.nextDouble() < 0.35;
            return new Profile("AKTIV", reserved, email, mobile, spraak, digitalPost,
                    hasEmail && rnd.nextDouble() < 0.03, hasMobile && rnd.nextDouble() < 0.03);
        }

        private String newId() {
            while (true) {
                String nine = String.format("%02d%02d%02d%03d", 1 + rnd.nextInt(28), 81 + rnd.nextInt(12),
                        rnd.nextInt(100), rnd.nextInt(1000));
                String candidate = NationalId.checkDigitsFor(nine).map(k -> nine + k).orElse(null);
                if (candidate != null && NationalId.isValid(candidate) && ids.add(candidate)) {
                    return candidate;
                }
            }
        }

        private String person(String id, String first, String last, Profile profile) {
            serial++;
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("personidentifikator", id);
            boolean aktiv = profile.status().equals("AKTIV");
            if (aktiv) {
                Instant changed = past(Duration.ofDays(1), Duration.ofDays(3650));
                p.put("reservasjon", profile.reserved() ? "JA" : "NEI");
                if (profile.reserved()) {
                    p.put("reservasjonstidspunkt", ts(changed));
                }
                p.put("reservasjon_oppdatert", ts(changed));
            }
            p.put("status", profile.status());
            boolean kanVarsles = aktiv && !profile.reserved()
                    && (profile.email() == Channel.FRESH || profile.mobile() == Channel.FRESH);
            p.put("varslingsstatus", kanVarsles ? "KAN_VARSLES" : "KAN_IKKE_VARSLES");
            if (!aktiv) {
                return json(p);
            }
            Map<String, Object> kontakt = new LinkedHashMap<>();
            if (profile.email() != Channel.ABSENT) {
                String address = profile.duplicatedEmail()
                        ? "felles." + LAST[rnd.nextInt(8)] + "@example.com"
                        : first + "." + last + (serial > publishedTestPersons().size() ? serial : "") + "@example.com";
                channel(kontakt, "epostadresse", address, profile.email(), profile.duplicatedEmail());
            }
            if (profile.mobile() != Channel.ABSENT) {
                String number = profile.duplicatedMobile()
                        ? String.format("+474000%04d", rnd.nextInt(20))
                        : String.format("%s%s%07d", rnd.nextDouble() < 0.15 ? "" : "+47",
                                rnd.nextBoolean() ? "9" : "4", 1_000_000 + (serial * 37L) % 9_000_000);
                channel(kontakt, "mobiltelefonnummer", number, profile.mobile(), profile.duplicatedMobile());
            }
            if (!kontakt.isEmpty()) {
                p.put("kontaktinformasjon", kontakt);
            }
            if (profile.digitalPost()) {
                Map<String, Object> post = new LinkedHashMap<>();
                post.put("postkasseadresse", first + "." + last + "#" + code(4));
                post.put("postkasseleverandoeradresse", rnd.nextDouble() < 0.75 ? DIGIPOST : EBOKS);
                p.put("digital_post", post);
                if (serial <= publishedTestPersons().size() + GUARANTEED_CASES || rnd.nextDouble() < 0.9) {
                    p.put("sertifikat", serial % 2 == 0 ? CERT_2 : CERT_1);
                }
            }
            if (profile.spraak() != null) {
                p.put("spraak", profile.spraak());
                p.put("spraak_oppdatert", ts(past(Duration.ofDays(1), Duration.ofDays(6 * 365))));
            }
            return json(p);
        }

        private void channel(Map<String, Object> kontakt, String name, String value, Channel state, boolean duplicated) {
            Instant oppdatert;
            Instant verifisert = null;
            if (state == Channel.FRESH) {
                if (rnd.nextDouble() < 0.7) {
                    oppdatert = fresh();
                    if (rnd.nextDouble() < 0.6) {
                        verifisert = between(oppdatert, now.minus(Duration.ofMinutes(30)));
                    }
                } else {
                    // set long ago, kept fresh by the person confirming it
                    oppdatert = stale();
                    verifisert = fresh();
                }
            } else {
                oppdatert = stale();
                if (rnd.nextDouble() < 0.5) {
                    verifisert = between(oppdatert, limit.minus(MARGIN));
                }
            }
            Instant validert = rnd.nextDouble() < 0.8 ? oppdatert.plusSeconds(60 + rnd.nextInt(1800)) : null;
            kontakt.put(name, value);
            kontakt.put(name + "_oppdatert", ts(oppdatert));
            if (verifisert != null) {
                kontakt.put(name + "_sist_verifisert", ts(verifisert));
            }
            if (validert != null) {
                kontakt.put(name + "_sist_validert", ts(validert));
            }
            kontakt.put(name + "_duplisert", duplicated ? "JA" : "NEI");
        }

        /** Between an hour ago and three days before the 18-month limit. */
        private Instant fresh() {
            return between(limit.plus(MARGIN), now.minus(Duration.ofHours(1)));
        }

        /** Between eight years before and three days before the 18-month limit. */
        private Instant stale() {
            Instant latest = limit.minus(MARGIN);
            return between(latest.minus(Duration.ofDays(8 * 365)), latest);
        }

        private Instant past(Duration least, Duration most) {
            return between(now.minus(most), now.minus(least));
        }

        private Instant between(Instant from, Instant to) {
            long span = Math.max(0, to.getEpochSecond() - from.getEpochSecond());
            return from.plusSeconds(span == 0 ? 0 : (long) (rnd.nextDouble() * span));
        }

        private String pick(String[] values) {
            return values[rnd.nextInt(values.length)];
        }

        private String code(int length) {
            String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            StringBuilder out = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                out.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            return out.toString();
        }
    }

    static String ts(Instant instant) {
        return TIMESTAMP.format(instant.atZone(OSLO));
    }

    // ---- a minimal JSON writer (strings and nested objects are all a Person needs) -----------

    static String json(Map<String, Object> object) {
        StringBuilder out = new StringBuilder(512);
        write(out, object);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, e.getKey());
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else {
            string(out, String.valueOf(value));
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
