package no.krr.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A stop or restart of a job execution, by whom and when (table {@code job_action}). */
@Entity
@Table(name = "job_action")
public class JobAction {

    public enum Kind { STOP, RESTART }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_action_seq")
    @SequenceGenerator(name = "job_action_seq", sequenceName = "job_action_seq", allocationSize = 1)
    @Column(name = "id")
    private Long id;

    @Column(name = "execution_id", nullable = false)
    private long executionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false)
    private Kind action;

    @Column(name = "actor", nullable = false)
    private String actor;

    @Column(name = "acted_at", nullable = false)
    private OffsetDateTime actedAt;

    @Column(name = "result_execution_id")
    private Long resultExecutionId;

    protected JobAction() {
    }

    JobAction(long executionId, Kind action, StartedBy by, OffsetDateTime at, Optional<Long> resultExecutionId) {
        this.executionId = executionId;
        this.action = action;
        this.actor = by.format();
        this.actedAt = at;
        this.resultExecutionId = resultExecutionId.orElse(null);
    }

    public long executionId() {
        return executionId;
    }

    public Kind action() {
        return action;
    }

    /** Who, in the {@link StartedBy} format. */
    public String actor() {
        return actor;
    }

    public OffsetDateTime actedAt() {
        return actedAt;
    }

    /** For a restart: the execution that went on. */
    public Optional<Long> resultExecutionId() {
        return Optional.ofNullable(resultExecutionId);
    }
}
