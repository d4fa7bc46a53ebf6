package no.krr.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A person's stored record as a detached snapshot, by one prepared JDBC read of its row: what
 * {@code GET /rest/v1/person} needs. A read needs none of the JPA entity life cycle (a persistence
 * context per call, change tracking, the shared cache's copies), which cost more than the database
 * read itself on this path (bench/RESULTS.md). The snapshot is not managed: every write goes
 * through {@link PersonRepository} and JPA, with its locks.
 */
@ApplicationScoped
public class StoredPersons {

    static final String SELECT = "select * from person where personidentifikator = ?";

    @Inject
    DataSource dataSource;

    public Optional<Person> read(NationalId id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(SELECT)) {
            select.setString(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(fromRow(id, row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a person failed: " + e.getSQLState(), e);
        }
    }

    /** The person of the current row of {@code select * from person}; the row's columns are named as the JSON members. */
    public static Person fromRow(NationalId id, ResultSet row) throws SQLException {
        Person p = new Person(id);
        p.status(Status.valueOf(row.getString("status")));
        p.reservasjon(code(row, "reservasjon", JaNei::valueOf));
        p.reservasjonstidspunkt(time(row, "reservasjonstidspunkt"));
        p.reservasjonOppdatert(time(row, "reservasjon_oppdatert"));
        p.varslingsstatus(code(row, "varslingsstatus", Varslingsstatus::valueOf));
        p.epostadresse(row.getString("epostadresse"));
        p.epostadresseOppdatert(time(row, "epostadresse_oppdatert"));
        p.epostadresseSistVerifisert(time(row, "epostadresse_sist_verifisert"));
        p.epostadresseSistValidert(time(row, "epostadresse_sist_validert"));
        p.epostadresseDuplisert(code(row, "epostadresse_duplisert", JaNei::valueOf));
        p.mobiltelefonnummer(row.getString("mobiltelefonnummer"));
        p.mobiltelefonnummerOppdatert(time(row, "mobiltelefonnummer_oppdatert"));
        p.mobiltelefonnummerSistVerifisert(time(row, "mobiltelefonnummer_sist_verifisert"));
        p.mobiltelefonnummerSistValidert(time(row, "mobiltelefonnummer_sist_validert"));
        p.mobiltelefonnummerDuplisert(code(row, "mobiltelefonnummer_duplisert", JaNei::valueOf));
        p.postkasseadresse(row.getString("postkasseadresse"));
        p.postkasseleverandoeradresse(row.getString("postkasseleverandoeradresse"));
        p.sertifikat(row.getString("sertifikat"));
        p.spraak(code(row, "spraak", Spraak::valueOf));
        p.spraakOppdatert(time(row, "spraak_oppdatert"));
        return p;
    }

    private static <T> T code(ResultSet row, String column, Function<String, T> of) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : of.apply(value);
    }

    private static OffsetDateTime time(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }
}
