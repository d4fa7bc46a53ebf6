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

    /** The columns {@link #fromRow} reads, in the order it reads them (by index: a name is looked up per call). */
    public static final String COLUMNS = "status, reservasjon, reservasjonstidspunkt, reservasjon_oppdatert, varslingsstatus, "
            + "epostadresse, epostadresse_oppdatert, epostadresse_sist_verifisert, epostadresse_sist_validert, "
            + "epostadresse_duplisert, mobiltelefonnummer, mobiltelefonnummer_oppdatert, "
            + "mobiltelefonnummer_sist_verifisert, mobiltelefonnummer_sist_validert, mobiltelefonnummer_duplisert, "
            + "postkasseadresse, postkasseleverandoeradresse, sertifikat, spraak, spraak_oppdatert";

    static final String SELECT = "select " + COLUMNS + " from person where personidentifikator = ?";

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

    /** The person of the current row of {@code select }{@link #COLUMNS}{@code  from person}. */
    public static Person fromRow(NationalId id, ResultSet row) throws SQLException {
        Person p = new Person(id);
        p.status(Status.valueOf(row.getString(1)));
        p.reservasjon(code(row, 2, JaNei::valueOf));
        p.reservasjonstidspunkt(time(row, 3));
        p.reservasjonOppdatert(time(row, 4));
        p.varslingsstatus(code(row, 5, Varslingsstatus::valueOf));
        p.epostadresse(row.getString(6));
        p.epostadresseOppdatert(time(row, 7));
        p.epostadresseSistVerifisert(time(row, 8));
        p.epostadresseSistValidert(time(row, 9));
        p.epostadresseDuplisert(code(row, 10, JaNei::valueOf));
        p.mobiltelefonnummer(row.getString(11));
        p.mobiltelefonnummerOppdatert(time(row, 12));
        p.mobiltelefonnummerSistVerifisert(time(row, 13));
        p.mobiltelefonnummerSistValidert(time(row, 14));
        p.mobiltelefonnummerDuplisert(code(row, 15, JaNei::valueOf));
        p.postkasseadresse(row.getString(16));
        p.postkasseleverandoeradresse(row.getString(17));
        p.sertifikat(row.getString(18));
        p.spraak(code(row, 19, Spraak::valueOf));
        p.spraakOppdatert(time(row, 20));
        return p;
    }

    private static <T> T code(ResultSet row, int column, Function<String, T> of) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : of.apply(value);
    }

    private static OffsetDateTime time(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }
}
