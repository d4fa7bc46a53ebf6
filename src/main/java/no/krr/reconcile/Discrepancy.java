package no.krr.reconcile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Optional;
import no.krr.person.NationalId;

/** One difference a run found, and what it did about it. */
@Entity
@Table(name = "discrepancy")
public class Discrepancy {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "discrepancy_seq")
    @SequenceGenerator(name = "discrepancy_seq", sequenceName = "discrepancy_seq", allocationSize = 1)
    @Column(name = "id")
    private Long id;

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(name = "personidentifikator", nullable = false, length = 11)
    private String personidentifikator;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 30)
    private DiscrepancyKind kind;

    @Column(name = "local_value", length = 400)
    private String localValue;

    @Column(name = "upstream_value", length = 400)
    private String upstreamValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 20)
    private Action action;

    @Column(name = "detail", length = 400)
    private String detail;

    /** The version of the person the finding was made against (HELD repairs compare it when applied). */
    @Column(name = "person_version")
    private Long personVersion;

    protected Discrepancy() {
    }

    Discrepancy(long runId, LocalSnapshot local, Finding finding, Action action, Optional<String> detail) {
        this(runId, local.personidentifikator(), finding, action, detail);
        this.personVersion = local.version();
    }

    Discrepancy(long runId, NationalId pid, Finding finding, Action action, Optional<String> detail) {
        this.runId = runId;
        this.personidentifikator = pid.value();
        this.kind = finding.kind();
        this.localValue = finding.local().map(v -> cut(v, 400)).orElse(null);
        this.upstreamValue = finding.upstream().map(v -> cut(v, 400)).orElse(null);
        this.action = action;
        this.detail = detail.map(v -> cut(v, 400)).orElse(null);
    }

    /** What was done about it in the end (a HELD repair, applied or refused at the end of the run). */
    void settled(Action action, Optional<String> detail) {
        this.action = action;
        this.detail = detail.map(v -> cut(v, 400)).orElse(null);
    }

    Optional<Long> personVersion() {
        return Optional.ofNullable(personVersion);
    }

    private static String cut(String v, int max) {
        return v.length() > max ? v.substring(0, max) : v;
    }

    public long id() { return id; }
    public NationalId personidentifikator() { return new NationalId(personidentifikator); }
    public DiscrepancyKind kind() { return kind; }
    public Optional<String> localValue() { return Optional.ofNullable(localValue); }
    public Optional<String> upstreamValue() { return Optional.ofNullable(upstreamValue); }
    public Action action() { return action; }
    public Optional<String> detail() { return Optional.ofNullable(detail); }
}
