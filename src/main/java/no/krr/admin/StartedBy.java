package no.krr.admin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import jakarta.batch.runtime.context.JobContext;
import jakarta.json.JsonString;
import no.krr.person.Actor;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who started a job, as its job parameter {@value #PARAMETER} records it: an operator, written
 * {@code sub=<sub>;client_id=<client_id>} (the admin token's {@code sub}, and its {@code client_id},
 * else its {@code azp}, else {@code -}), or the scheduler, written {@code schedule}. The batch
 * writers read the parameter back with {@link #of(Properties)} to put it in the audit rows.
 *
 * <p>The values come from an identity provider we do not control, so {@code %}, {@code ;},
 * {@code =}, control characters and line separators in them are percent-encoded (UTF-8): the text
 * always parses back to the same values, and it is safe in a log line. Each value is cut to
 * {@value #MAX_LENGTH} characters.
 */
public record StartedBy(Kind kind, String sub, String clientId) {

    public static final String PARAMETER = "startedBy";
    static final int MAX_LENGTH = 256;
    private static final String SCHEDULE_TEXT = "schedule";
    private static final String SUB = "sub=";
    private static final String CLIENT_ID = ";client_id=";
    private static final String NONE = "-";

    public enum Kind {
        /** An operator, through the admin API. */
        OPERATOR,
        /** The scheduled reconciliation. */
        SCHEDULE
    }

    /** The scheduled run: no operator. */
    public static final StartedBy SCHEDULE = new StartedBy(Kind.SCHEDULE, "", "");

    public StartedBy {
        Objects.requireNonNull(kind);
        sub = cut(Objects.requireNonNull(sub));
        clientId = cut(Objects.requireNonNull(clientId));
        if (kind == Kind.SCHEDULE && !(sub.isEmpty() && clientId.isEmpty())) {
            throw new IllegalArgumentException("the schedule has no sub and no client_id");
        }
    }

    /** An operator; a missing or blank {@code sub} or client is written {@code -}. */
    public static StartedBy operator(Optional<String> sub, Optional<String> clientId) {
        return new StartedBy(Kind.OPERATOR, sub.filter(s -> !s.isBlank()).orElse(NONE),
                clientId.filter(s -> !s.isBlank()).orElse(NONE));
    }

    /** The operator of the request's (admin) token: its {@code sub}, its {@code client_id} else its {@code azp}. */
    public static StartedBy of(JsonWebToken operator) {
        // client_id is no standard claim, so the API has it as a JsonString (the verifier checked it is a string)
        Optional<String> clientId = operator.claim("client_id")
                .filter(JsonString.class::isInstance).map(value -> ((JsonString) value).getString())
                .or(() -> operator.claim(Claims.azp));
        return operator(Optional.ofNullable(operator.getSubject()), clientId);
    }

    /** The parameter of a job's parameters; empty for a job started before it was recorded, or when it does not parse. */
    public static Optional<StartedBy> of(Properties jobParameters) {
        return jobParameters == null ? Optional.empty() : parse(jobParameters.getProperty(PARAMETER));
    }

    public static Optional<StartedBy> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.equals(SCHEDULE_TEXT)) {
            return Optional.of(SCHEDULE);
        }
        int client = text.indexOf(CLIENT_ID);
        if (!text.startsWith(SUB) || client < 0) {
            return Optional.empty();
        }
        Optional<String> sub = decode(text.substring(SUB.length(), client));
        Optional<String> clientId = decode(text.substring(client + CLIENT_ID.length()));
        if (sub.isEmpty() || clientId.isEmpty() || sub.get().isEmpty() || clientId.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StartedBy(Kind.OPERATOR, sub.get(), clientId.get()));
    }

    /** The parameter's text: {@code schedule} or {@code sub=<sub>;client_id=<client_id>}. */
    public String format() {
        return kind == Kind.SCHEDULE ? SCHEDULE_TEXT : SUB + encode(sub) + CLIENT_ID + encode(clientId);
    }

    /** Who a running job's changes are audited as: the job, its execution, and who started it. */
    public static Actor actorOf(JobContext job) {
        return Actor.job(job.getJobName(), job.getExecutionId(), of(job.getProperties()).map(StartedBy::format));
    }

    /** Sets the parameter in a job's parameters. */
    public Properties addTo(Properties jobParameters) {
        jobParameters.setProperty(PARAMETER, format());
        return jobParameters;
    }

    @Override
    public String toString() {
        return format();
    }

    private static String cut(String value) {
        if (value.length() <= MAX_LENGTH) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return value.substring(0, end);
    }

    private static boolean needsEscape(int c) {
        return c == '%' || c == ';' || c == '=' || Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (needsEscape(c)) {
                for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Empty when the text has a character that should have been encoded, or a broken escape. */
    private static Optional<String> decode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
            if (needsEscape(c)) {
                return Optional.empty();
            }
            out.append(c);
        }
        out.append(bytes.toString(StandardCharsets.UTF_8));
        return Optional.of(out.toString());
    }
}
