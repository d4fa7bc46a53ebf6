package no.krr.admin;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Set;
import no.krr.person.NationalId;
import no.krr.person.StrictJson;

/**
 * The body of {@code POST /admin/v1/persons/audit}: {@code {"personidentifikator":"…"}} with an
 * optional {@code "limit"} (1..1000, default 100). The national id goes in a body so that it stays
 * out of URLs, and so out of access logs, browser histories and proxies.
 */
record AuditQuery(NationalId person, int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final String SHAPE = "the body must be {\"personidentifikator\":\"<11 digits>\"}, optionally with \"limit\": "
            + "a whole number from 1 to " + PersonAuditResource.MAX_LIMIT + ".";
    private static final Set<String> MEMBERS = Set.of("personidentifikator", "limit");

    /** Refused bodies throw {@link IllegalArgumentException} with a message for the caller (no national id in it). */
    static AuditQuery parse(String body) {
        IllegalArgumentException invalid = new IllegalArgumentException(SHAPE);
        JsonObject object = StrictJson.objectOf(body, MEMBERS).orElseThrow(() -> invalid);
        if (!(object.get("personidentifikator") instanceof JsonString pid)) {
            throw invalid;
        }
        NationalId person = NationalId.parse(pid.getString()).orElseThrow(() -> new IllegalArgumentException(
                "personidentifikator is not a valid national id (11 digits with both check digits)."));
        int limit = DEFAULT_LIMIT;
        if (object.containsKey("limit")) {
            if (!(object.get("limit") instanceof JsonNumber number) || !number.isIntegral()
                    || number.longValue() < 1 || number.longValue() > PersonAuditResource.MAX_LIMIT) {
                throw invalid;
            }
            limit = number.intValue();
        }
        return new AuditQuery(person, limit);
    }
}
