package no.krr.person;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.Column;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PersonFieldsTest {

    @Test
    void everyStoredColumnOfAPersonIsARowOnce() {
        Set<String> columns = Arrays.stream(Person.class.getDeclaredFields())
                .filter(field -> field.isAnnotationPresent(Column.class))
                .map(field -> field.getAnnotation(Column.class).name())
                .filter(name -> !name.equals("personidentifikator") && !name.equals("version")) // the key and the lock
                .collect(Collectors.toSet());
        List<String> rows = PersonFields.ALL.stream().map(PersonFields.Field::name).toList();

        assertEquals(columns, Set.copyOf(rows));
        assertEquals(rows.size(), Set.copyOf(rows).size(), "no field twice");
    }

    @Test
    void theRowsFollowTheRegistersMemberOrder() {
        assertEquals(List.of("reservasjon", "reservasjonstidspunkt", "reservasjon_oppdatert", "status", "varslingsstatus"),
                PersonFields.ALL.stream().limit(5).map(PersonFields.Field::name).toList());
        assertEquals(List.of("postkasseadresse", "postkasseleverandoeradresse"),
                PersonFields.of(PersonFields.Section.DIGITAL_POST).stream().map(PersonFields.Field::name).toList());
        assertEquals(List.of("sertifikat", "spraak", "spraak_oppdatert"),
                PersonFields.ALL.stream().skip(PersonFields.ALL.size() - 3).map(PersonFields.Field::name).toList());
    }
}
