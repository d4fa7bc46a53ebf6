package no.krr.person;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A person in the contact and reservation register, as stored by this service. Field names
 * follow the register's own Norwegian names (docs/register.md §1):
 * reservasjon = reserved against digital communication, epostadresse = e-mail address,
 * mobiltelefonnummer = mobile number, postkasseadresse = digital mailbox address,
 * postkasseleverandoeradresse = organisation number of the mailbox provider,
 * sertifikat = encryption certificate for digital post, spraak = preferred language;
 * the suffixes _oppdatert (updated), _sist_verifisert (last confirmed by the person),
 * _sist_validert (last one-time-code validation) and _duplisert (shared with other persons).
 *
 * <p>{@code varslingsstatus} is the value last known from the register; what the API serves is
 * decided by {@link VarslingRule}. Optimistic locking through {@link #version}.
 */
@Entity
@Table(name = "person")
public class Person {

    @Id
    @Column(name = "personidentifikator", length = 11)
    private String personidentifikator;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private Status status = Status.AKTIV;

    @Enumerated(EnumType.STRING)
    @Column(name = "reservasjon", length = 3)
    private JaNei reservasjon;
    @Column(name = "reservasjonstidspunkt")
    private OffsetDateTime reservasjonstidspunkt;
    @Column(name = "reservasjon_oppdatert")
    private OffsetDateTime reservasjonOppdatert;

    @Enumerated(EnumType.STRING)
    @Column(name = "varslingsstatus", length = 20)
    private Varslingsstatus varslingsstatus;

    @Column(name = "epostadresse", length = 320)
    private String epostadresse;
    @Column(name = "epostadresse_oppdatert")
    private OffsetDateTime epostadresseOppdatert;
    @Column(name = "epostadresse_sist_verifisert")
    private OffsetDateTime epostadresseSistVerifisert;
    @Column(name = "epostadresse_sist_validert")
    private OffsetDateTime epostadresseSistValidert;
    @Enumerated(EnumType.STRING)
    @Column(name = "epostadresse_duplisert", length = 3)
    private JaNei epostadresseDuplisert;

    @Column(name = "mobiltelefonnummer", length = 20)
    private String mobiltelefonnummer;
    @Column(name = "mobiltelefonnummer_oppdatert")
    private OffsetDateTime mobiltelefonnummerOppdatert;
    @Column(name = "mobiltelefonnummer_sist_verifisert")
    private OffsetDateTime mobiltelefonnummerSistVerifisert;
    @Column(name = "mobiltelefonnummer_sist_validert")
    private OffsetDateTime mobiltelefonnummerSistValidert;
    @Enumerated(EnumType.STRING)
    @Column(name = "mobiltelefonnummer_duplisert", length = 3)
    private JaNei mobiltelefonnummerDuplisert;

    @Column(name = "postkasseadresse", length = 255)
    private String postkasseadresse;
    @Column(name = "postkasseleverandoeradresse", length = 9)
    private String postkasseleverandoeradresse;
    @Column(name = "sertifikat", length = 16384)
    private String sertifikat;

    @Enumerated(EnumType.STRING)
    @Column(name = "spraak", length = 2)
    private Spraak spraak;
    @Column(name = "spraak_oppdatert")
    private OffsetDateTime spraakOppdatert;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Person() {
        // for JPA
    }

    public Person(NationalId id) {
        this.personidentifikator = id.value();
    }

    public NationalId id() {
        return new NationalId(personidentifikator);
    }

    public long version() {
        return version;
    }

    public Status status() { return status; }
    public void status(Status value) { this.status = value; }

    public Optional<JaNei> reservasjon() { return Optional.ofNullable(reservasjon); }
    public void reservasjon(JaNei value) { this.reservasjon = value; }
    public Optional<OffsetDateTime> reservasjonstidspunkt() { return Optional.ofNullable(reservasjonstidspunkt); }
    public void reservasjonstidspunkt(OffsetDateTime value) { this.reservasjonstidspunkt = value; }
    public Optional<OffsetDateTime> reservasjonOppdatert() { return Optional.ofNullable(reservasjonOppdatert); }
    public void reservasjonOppdatert(OffsetDateTime value) { this.reservasjonOppdatert = value; }

    public Optional<Varslingsstatus> varslingsstatus() { return Optional.ofNullable(varslingsstatus); }
    public void varslingsstatus(Varslingsstatus value) { this.varslingsstatus = value; }

    public Optional<String> epostadresse() { return Optional.ofNullable(epostadresse); }
    public void epostadresse(String value) { this.epostadresse = value; }
    public Optional<OffsetDateTime> epostadresseOppdatert() { return Optional.ofNullable(epostadresseOppdatert); }
    public void epostadresseOppdatert(OffsetDateTime value) { this.epostadresseOppdatert = value; }
    public Optional<OffsetDateTime> epostadresseSistVerifisert() { return Optional.ofNullable(epostadresseSistVerifisert); }
    public void epostadresseSistVerifisert(OffsetDateTime value) { this.epostadresseSistVerifisert = value; }
    public Optional<OffsetDateTime> epostadresseSistValidert() { return Optional.ofNullable(epostadresseSistValidert); }
    public void epostadresseSistValidert(OffsetDateTime value) { this.epostadresseSistValidert = value; }
    public Optional<JaNei> epostadresseDuplisert() { return Optional.ofNullable(epostadresseDuplisert); }
    public void epostadresseDuplisert(JaNei value) { this.epostadresseDuplisert = value; }

    public Optional<String> mobiltelefonnummer() { return Optional.ofNullable(mobiltelefonnummer); }
    public void mobiltelefonnummer(String value) { this.mobiltelefonnummer = value; }
    public Optional<OffsetDateTime> mobiltelefonnummerOppdatert() { return Optional.ofNullable(mobiltelefonnummerOppdatert); }
    public void mobiltelefonnummerOppdatert(OffsetDateTime value) { this.mobiltelefonnummerOppdatert = value; }
    public Optional<OffsetDateTime> mobiltelefonnummerSistVerifisert() { return Optional.ofNullable(mobiltelefonnummerSistVerifisert); }
    public void mobiltelefonnummerSistVerifisert(OffsetDateTime value) { this.mobiltelefonnummerSistVerifisert = value; }
    public Optional<OffsetDateTime> mobiltelefonnummerSistValidert() { return Optional.ofNullable(mobiltelefonnummerSistValidert); }
    public void mobiltelefonnummerSistValidert(OffsetDateTime value) { this.mobiltelefonnummerSistValidert = value; }
    public Optional<JaNei> mobiltelefonnummerDuplisert() { return Optional.ofNullable(mobiltelefonnummerDuplisert); }
    public void mobiltelefonnummerDuplisert(JaNei value) { this.mobiltelefonnummerDuplisert = value; }

    public Optional<String> postkasseadresse() { return Optional.ofNullable(postkasseadresse); }
    public void postkasseadresse(String value) { this.postkasseadresse = value; }
    public Optional<String> postkasseleverandoeradresse() { return Optional.ofNullable(postkasseleverandoeradresse); }
    public void postkasseleverandoeradresse(String value) { this.postkasseleverandoeradresse = value; }
    public Optional<String> sertifikat() { return Optional.ofNullable(sertifikat); }
    public void sertifikat(String value) { this.sertifikat = value; }

    public Optional<Spraak> spraak() { return Optional.ofNullable(spraak); }
    public void spraak(Spraak value) { this.spraak = value; }
    public Optional<OffsetDateTime> spraakOppdatert() { return Optional.ofNullable(spraakOppdatert); }
    public void spraakOppdatert(OffsetDateTime value) { this.spraakOppdatert = value; }
}
