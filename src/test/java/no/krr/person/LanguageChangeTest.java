package no.krr.person;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class LanguageChangeTest {

    private static final Predicate<Person> ANY = p -> true;

    private static Optional<Person> person(Status status, Spraak spraak) {
        Person p = new Person(new NationalId("11822648950"));
        p.status(status);
        p.spraak(spraak);
        return Optional.of(p);
    }

    @Test
    void noRecordOrNeverRegisteredIsNotFound() {
        assertEquals(LanguageChange.Outcome.NOT_FOUND, LanguageChange.outcome(Optional.empty(), Spraak.EN, ANY));
        assertEquals(LanguageChange.Outcome.NOT_FOUND,
                LanguageChange.outcome(person(Status.IKKE_REGISTRERT, null), Spraak.EN, ANY));
    }

    @Test
    void aDeletedPersonIsNotActive() {
        assertEquals(LanguageChange.Outcome.NOT_ACTIVE, LanguageChange.outcome(person(Status.SLETTET, Spraak.NB), Spraak.EN, ANY));
    }

    @Test
    void aFailedPreconditionComesBeforeTheValue() {
        assertEquals(LanguageChange.Outcome.PRECONDITION_FAILED,
                LanguageChange.outcome(person(Status.AKTIV, Spraak.EN), Spraak.EN, p -> false));
    }

    @Test
    void theSameValueChangesNothingAnotherChangesIt() {
        assertEquals(LanguageChange.Outcome.UNCHANGED, LanguageChange.outcome(person(Status.AKTIV, Spraak.EN), Spraak.EN, ANY));
        assertEquals(LanguageChange.Outcome.CHANGED, LanguageChange.outcome(person(Status.AKTIV, Spraak.NB), Spraak.EN, ANY));
        assertEquals(LanguageChange.Outcome.CHANGED, LanguageChange.outcome(person(Status.AKTIV, null), Spraak.EN, ANY));
    }
}
