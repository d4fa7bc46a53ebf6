package no.krr.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The stops and restarts of job executions (table {@code job_action}): the history of a job's report. */
@ApplicationScoped
public class JobActions {

    /** The most actions a report shows, the latest ones. */
    static final int HISTORY_LIMIT = 20;

    @PersistenceContext(unitName = "krr")
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(long executionId, JobAction.Kind action, StartedBy by, Optional<Long> resultExecutionId) {
        em.persist(new JobAction(executionId, action, by, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                resultExecutionId));
    }

    /** The latest actions on these executions or leading to one of them, oldest first. */
    public List<JobAction> history(Collection<Long> executionIds) {
        if (executionIds.isEmpty()) {
            return List.of();
        }
        List<JobAction> latest = em.createQuery("select a from JobAction a where a.executionId in :ids "
                        + "or a.resultExecutionId in :ids order by a.actedAt desc, a.id desc", JobAction.class)
                .setParameter("ids", List.copyOf(executionIds))
                .setMaxResults(HISTORY_LIMIT)
                .getResultList();
        List<JobAction> oldestFirst = new ArrayList<>(latest);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
