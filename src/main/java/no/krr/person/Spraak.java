package no.krr.person;

import java.util.Arrays;
import java.util.Optional;

/**
 * {@code spraak}: the person's preferred language for public-sector communication. The register
 * writes the codes in lower case: nb (bokmål), nn (nynorsk), en (English), se (North Sami).
 */
public enum Spraak {
    NB("nb"), NN("nn"), EN("en"), SE("se");

    private final String code;

    Spraak(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Spraak> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
