package no.krr.it;

import no.krr.person.NationalId;

/** Persons the container tests plant: valid synthetic national ids and minimal register records. */
final class TestPersons {

    private TestPersons() {
    }

    /** A valid national id starting with the given seven digits (the first individual number that checks). */
    static String id(String seven) {
        for (int i = 0; i < 100; i++) {
            String nine = seven + String.format("%02d", i);
            var check = NationalId.checkDigitsFor(nine);
            if (check.isPresent()) {
                return nine + check.get();
            }
        }
        throw new IllegalStateException(seven);
    }

    /** An active, unreserved person with these further members (JSON text without braces). */
    static String person(String pid, String more) {
        return "{\"personidentifikator\":\"" + pid + "\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\"," + more + "}";
    }
}
