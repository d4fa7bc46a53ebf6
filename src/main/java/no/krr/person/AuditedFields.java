package no.krr.person;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's stored fields as the audit trail writes them ({@link PersonFields.Field#audited}), under
 * the register's JSON names: taken before and after a change, their difference is the audit rows of
 * that change. Timestamps are written as instants; the certificate only by its length.
 */
public final class AuditedFields {

    /** One field that changed, with its value before and after. */
    public record Change(String field, Optional<String> before, Optional<String> after) {
    }

    private final Map<String, Optional<String>> values;

    private AuditedFields(Map<String, Optional<String>> values) {
        this.values = values;
    }

    /** The fields of a person that does not exist yet: every one empty. */
    public static AuditedFields none() {
        return new AuditedFields(Map.of());
    }

    public static AuditedFields of(Person p) {
        Map<String, Optional<String>> f = new LinkedHashMap<>();
        // status first, as the audit trail has always listed a change: then the register's order
        f.put("status", Optional.of(p.status().name()));
        for (PersonFields.Field<?> field : PersonFields.ALL) {
            if (field.section() != PersonFields.Section.STATUS) {
                f.put(field.name(), field.audited(p));
            }
        }
        return new AuditedFields(f);
    }

    /** The fields whose value differs in {@code after}, in the order above. */
    public List<Change> changesTo(AuditedFields after) {
        List<Change> changes = new ArrayList<>();
        after.values.forEach((field, now) -> {
            Optional<String> then = values.getOrDefault(field, Optional.empty());
            if (!Objects.equals(then, now)) {
                changes.add(new Change(field, then, now));
            }
        });
        return changes;
    }
}
