package no.krr.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.krr.person.Actor;
import no.krr.person.AuditTrail;
import no.krr.person.Person;
import no.krr.person.PersonRecord;
import no.krr.person.PersonRepository;

/**
 * The import's tables: persons upserted, their audit rows, the skipped lines and the import's
 * committed position. Every method runs in a local transaction of its own and never joins a
 * chunk's: the chunk's JTA transaction holds only the batch runtime's checkpoint, so that no
 * transaction spans two resources (docs/design.md, "No two-phase commit").
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ImportStore {

    /** What the committed chunks of an import did, for its report. */
    public record Counts(long written, long addedOrChanged, long skipped, Optional<String> failure) {
    }

    @PersistenceContext(unitName = "krr")
    EntityManager em;

    @Inject
    PersonRepository persons;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Where the import's last committed chunk ended; empty before its first. */
    public Optional<NdjsonLineReader.Position> position(long jobInstanceId) {
        return Optional.ofNullable(em.find(ImportPosition.class, jobInstanceId)).map(ImportPosition::position);
    }

    /**
     * Upserts a chunk of persons by national id ({@link ChunkUpsert}), one audit row per changed
     * field, and moves the import's position to the chunk's last line, all or nothing. One query
     * finds the stored persons.
     */
    public void commit(long jobInstanceId, List<PersonRecord> records, NdjsonLineReader.Position to, Actor actor) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<Person> stored = persons.findAll(records.stream().map(r -> r.personidentifikator().value()).distinct().toList());
        ChunkUpsert upsert = ChunkUpsert.of(records, stored, now, actor);
        upsert.added().forEach(persons::add);
        audit.recordAll(upsert.auditRows());
        positionRow(jobInstanceId, now).advance(to, records.size(), upsert.added().size(), upsert.changed(), now);
    }

    /** Keeps why the import's last chunk failed, for its report; the next committed chunk clears it. */
    public void failed(long jobInstanceId, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        positionRow(jobInstanceId, now).failed(reason, now);
    }

    private ImportPosition positionRow(long jobInstanceId, OffsetDateTime now) {
        return Optional.ofNullable(em.find(ImportPosition.class, jobInstanceId)).orElseGet(() -> {
            ImportPosition fresh = new ImportPosition(jobInstanceId, now);
            em.persist(fresh);
            return fresh;
        });
    }

    /** Records that an execution works on an import, with what a resumption needs (its parameters). */
    public void executionStarted(long executionId, long importId, java.util.Properties parameters) {
        // merge: an embedded batch repository that died with its server lets a new server reuse execution ids
        em.merge(new ImportExecution(executionId, importId, parameters.getProperty(ImportParameters.FILE),
                ImportParameters.lines(parameters), (int) number(parameters, ImportParameters.CHUNK_SIZE, 500),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)));
    }

    private static long number(java.util.Properties parameters, String name, long otherwise) {
        String value = parameters.getProperty(name, "");
        return value.isBlank() ? otherwise : Long.parseLong(value.trim());
    }

    /** What an execution worked on, from our own table. */
    public Optional<ImportExecution> execution(long executionId) {
        return Optional.ofNullable(em.find(ImportExecution.class, executionId));
    }

    /** When the import last showed it was alive: its last committed chunk, or the start of its latest execution. */
    public OffsetDateTime lastSignOfLife(long importId) {
        OffsetDateTime committed = em.createQuery(
                        "select max(p.updatedAt) from ImportPosition p where p.jobInstanceId = :id", OffsetDateTime.class)
                .setParameter("id", importId).getSingleResult();
        OffsetDateTime started = em.createQuery(
                        "select max(e.startedAt) from ImportExecution e where e.importId = :id", OffsetDateTime.class)
                .setParameter("id", importId).getSingleResult();
        return java.util.stream.Stream.of(committed, started).filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.naturalOrder()).orElse(OffsetDateTime.MIN);
    }

    /** A skipped line is a fact about the file, kept whether or not its chunk commits; recording it twice is harmless. */
    public void skipped(long jobInstanceId, long lineNumber, String reason) {
        em.merge(new ImportSkip(jobInstanceId, lineNumber, reason));
    }

    public Counts counts(long jobInstanceId) {
        Optional<ImportPosition> position = Optional.ofNullable(em.find(ImportPosition.class, jobInstanceId));
        long skipped = em.createQuery("select count(s) from ImportSkip s where s.jobInstanceId = :id", Long.class)
                .setParameter("id", jobInstanceId).getSingleResult();
        return new Counts(position.map(ImportPosition::written).orElse(0L),
                position.map(ImportPosition::addedOrChanged).orElse(0L), skipped,
                position.flatMap(ImportPosition::failure));
    }

    /** The first skipped lines, by line number. */
    public List<ImportSkip> skips(long jobInstanceId, int limit) {
        return em.createQuery("select s from ImportSkip s where s.jobInstanceId = :id order by s.lineNumber", ImportSkip.class)
                .setParameter("id", jobInstanceId)
                .setMaxResults(limit)
                .getResultList();
    }
}
