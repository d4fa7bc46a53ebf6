package no.krr.person;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/** One change of one field of a person, with who made it (table {@code person_audit}). */
@Entity
@Table(name = "person_audit")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_audit_seq")
    @SequenceGenerator(name = "person_audit_seq", sequenceName = "person_audit_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "personidentifikator", nullable = false, length = 11)
    private String personidentifikator;

    @Column(name = "field", nullable = false, length = 40)
    private String field;

    @Column(name = "old_value", length = 320)
    private String oldValue;

    @Column(name = "new_value", length = 320)
    private String newValue;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    @Column(name = "actor", nullable = false, length = 40)
    private String actor;

    @Column(name = "client_id", length = 200)
    private String clientId;

    @Column(name = "consumer_orgno", length = 20)
    private String consumerOrgno;

    @Column(name = "acr", length = 60)
    private String acr;

    @Column(name = "jti", length = 200)
    private String jti;

    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    @Column(name = "started_by", length = 300)
    private String startedBy;

    protected AuditEntry() {
    }

    public AuditEntry(NationalId person, String field, Optional<String> oldValue, Optional<String> newValue,
                      OffsetDateTime changedAt, Actor actor) {
        this.personidentifikator = person.value();
        this.field = field;
        this.oldValue = oldValue.orElse(null);
        this.newValue = newValue.orElse(null);
        this.changedAt = changedAt;
        this.actor = actor.kind();
        this.clientId = actor.clientId().map(v -> cut(v, 200)).orElse(null);
        this.consumerOrgno = actor.consumerOrgno().map(v -> cut(v, 20)).orElse(null);
        this.acr = actor.acr().map(v -> cut(v, 60)).orElse(null);
        this.jti = actor.jti().map(v -> cut(v, 200)).orElse(null);
        this.jobExecutionId = actor.jobExecutionId().orElse(null);
        this.startedBy = actor.startedBy().map(v -> cut(v, 300)).orElse(null);
    }

    /**
     * The row as one JDBC insert; {@code id} comes from the column's default (the sequence), see
     * {@link AuditTrail#recordAll}.
     */
    static final String INSERT = "insert into person_audit (personidentifikator, field, old_value, new_value, changed_at, "
            + "actor, client_id, consumer_orgno, acr, jti, job_execution_id, started_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    void bind(java.sql.PreparedStatement insert) throws java.sql.SQLException {
        insert.setString(1, personidentifikator);
        insert.setString(2, field);
        insert.setString(3, oldValue);
        insert.setString(4, newValue);
        insert.setObject(5, changedAt);
        insert.setString(6, actor);
        insert.setString(7, clientId);
        insert.setString(8, consumerOrgno);
        insert.setString(9, acr);
        insert.setString(10, jti);
        insert.setObject(11, jobExecutionId, java.sql.Types.BIGINT);
        insert.setString(12, startedBy);
    }

    private static String cut(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }

    public long id() { return id; }
    public String field() { return field; }
    public Optional<String> oldValue() { return Optional.ofNullable(oldValue); }
    public Optional<String> newValue() { return Optional.ofNullable(newValue); }
    public OffsetDateTime changedAt() { return changedAt; }
    public String actor() { return actor; }
    public Optional<String> clientId() { return Optional.ofNullable(clientId); }
    public Optional<String> consumerOrgno() { return Optional.ofNullable(consumerOrgno); }
    public Optional<String> acr() { return Optional.ofNullable(acr); }
    public Optional<String> jti() { return Optional.ofNullable(jti); }
    public Optional<Long> jobExecutionId() { return Optional.ofNullable(jobExecutionId); }
    public Optional<String> startedBy() { return Optional.ofNullable(startedBy); }
}
