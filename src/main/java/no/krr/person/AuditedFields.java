package no.krr.person;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's stored fields as the audit trail writes them, under the register's JSON names:
 * taken before and after a change, their difference is the audit rows of that change. Timestamps
 * are written as instants; the certificate only by its length, since a column of 320 characters
 * cannot hold it and its content is public anyway.
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
        f.put("status", Optional.of(p.status().name()));
        f.put("reservasjon", p.reservasjon().map(JaNei::name));
        f.put("reservasjonstidspunkt", instant(p.reservasjonstidspunkt()));
        f.put("reservasjon_oppdatert", instant(p.reservasjonOppdatert()));
        f.put("varslingsstatus", p.varslingsstatus().map(Varslingsstatus::name));
        f.put("epostadresse", p.epostadresse());
        f.put("epostadresse_oppdatert", instant(p.epostadresseOppdatert()));
        f.put("epostadresse_sist_verifisert", instant(p.epostadresseSistVerifisert()));
        f.put("epostadresse_sist_validert", instant(p.epostadresseSistValidert()));
        f.put("epostadresse_duplisert", p.epostadresseDuplisert().map(JaNei::name));
        f.put("mobiltelefonnummer", p.mobiltelefonnummer());
        f.put("mobiltelefonnummer_oppdatert", instant(p.mobiltelefonnummerOppdatert()));
        f.put("mobiltelefonnummer_sist_verifisert", instant(p.mobiltelefonnummerSistVerifisert()));
        f.put("mobiltelefonnummer_sist_validert", instant(p.mobiltelefonnummerSistValidert()));
        f.put("mobiltelefonnummer_duplisert", p.mobiltelefonnummerDuplisert().map(JaNei::name));
        f.put("postkasseadresse", p.postkasseadresse());
        f.put("postkasseleverandoeradresse", p.postkasseleverandoeradresse());
        f.put("sertifikat", p.sertifikat().map(s -> "(" + s.length() + " characters)"));
        f.put("spraak", p.spraak().map(Spraak::code));
        f.put("spraak_oppdatert", instant(p.spraakOppdatert()));
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

    private static Optional<String> instant(Optional<OffsetDateTime> time) {
        return time.map(t -> t.toInstant().toString());
    }
}
