package no.krr.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A citizen's change of preferred language ({@code spraak}). The person's row is locked for the
 * change, so parallel changes of one person happen one after another: each sees the value the one
 * before it left, the same value again changes nothing, and every real change writes its audit row
 * in the same transaction. {@code spraak_oppdatert} is taken under the lock, so the last change
 * carries the latest time.
 */
@ApplicationScoped
public class LanguageChange {

    public enum Outcome { CHANGED, UNCHANGED, NOT_FOUND, NOT_ACTIVE, PRECONDITION_FAILED }

    public record Result(Outcome outcome, Optional<Person> person) {
    }

    @PersistenceContext(unitName = "krr")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * @param precondition checked on the locked, current record (the {@code If-Match} of the request)
     */
    @Transactional
    public Result change(NationalId id, Spraak wanted, Predicate<Person> precondition, Actor actor) {
        Optional<Person> person = Optional.ofNullable(em.find(Person.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
        Outcome outcome = outcome(person, wanted, precondition);
        if (outcome == Outcome.CHANGED) {
            Person changed = person.orElseThrow();
            Optional<Spraak> old = changed.spraak();
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            changed.spraak(wanted);
            changed.spraakOppdatert(now);
            audit.record(new AuditEntry(id, "spraak", old.map(Spraak::code), Optional.of(wanted.code()), now, actor));
        }
        return new Result(outcome, outcome == Outcome.NOT_FOUND ? Optional.empty() : person);
    }

    /** What a change to {@code wanted} does to the locked, current record: the rule, apart from the writing. */
    static Outcome outcome(Optional<Person> current, Spraak wanted, Predicate<Person> precondition) {
        if (current.isEmpty() || current.get().status() == Status.IKKE_REGISTRERT) {
            return Outcome.NOT_FOUND;
        }
        Person person = current.get();
        if (person.status() != Status.AKTIV) {
            return Outcome.NOT_ACTIVE;
        }
        if (!precondition.test(person)) {
            return Outcome.PRECONDITION_FAILED;
        }
        return person.spraak().equals(Optional.of(wanted)) ? Outcome.UNCHANGED : Outcome.CHANGED;
    }
}
