package no.krr.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Records and reads the progress of running job executions (table {@code job_progress}). */
@ApplicationScoped
public class JobProgressStore {

    @PersistenceContext(unitName = "krr")
    EntityManager em;

    @Inject
    Clock clock;

    /** In a transaction of its own, so that progress never holds up or rolls back with a chunk. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(long executionId, long done, long total) {
        JobProgress progress = Optional.ofNullable(em.find(JobProgress.class, executionId))
                .orElseGet(() -> {
                    JobProgress fresh = new JobProgress(executionId);
                    em.persist(fresh);
                    return fresh;
                });
        progress.update(done, total, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }

    public Optional<JobProgress> find(long executionId) {
        return Optional.ofNullable(em.find(JobProgress.class, executionId));
    }
}
