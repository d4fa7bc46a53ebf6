package no.krr.person;

/** The register's yes/no code ({@code JA}/{@code NEI}), used by {@code reservasjon} and the {@code _duplisert} flags. */
public enum JaNei {
    JA, NEI;

    public static JaNei of(boolean yes) {
        return yes ? JA : NEI;
    }
}
