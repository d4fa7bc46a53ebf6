package no.krr.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import no.krr.signing.Keytool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12KeystoreTest {

    private static final Pkcs12Keystore.Settings SETTINGS = new Pkcs12Keystore.Settings("x.keystore", "x.keystore-password",
            "x.key-alias", "the one that does the work");

    @TempDir
    static Path dir;
    private static Path single;
    private static Path two;

    @BeforeAll
    static void keystores() {
        single = dir.resolve("single.p12");
        two = dir.resolve("two.p12");
        new Keytool(dir).selfSigned(single, "only", "RSA", "2048")
                .selfSigned(two, "b", "EC", "secp256r1")
                .selfSigned(two, "a", "RSA", "2048");
    }

    private static Pkcs12Keystore open(Path path) {
        return Pkcs12Keystore.open(path, Keytool.PASSWORD.toCharArray(), SETTINGS);
    }

    @Test
    void withoutAnAliasTheOnlyKeyEntryIsTaken() throws Exception {
        Pkcs12Keystore.KeyEntry entry = open(single).keyEntry(Optional.empty());

        assertEquals("only", entry.alias());
        assertEquals("RSA", entry.privateKey().getAlgorithm());
        assertEquals(1, entry.chain().size());
        assertTrue(entry.leaf().getSubjectX500Principal().getName().contains("CN=only"));
        assertArrayEquals(entry.leaf().getEncoded(), Pkcs12Keystore.x5c(entry.chain()).get(0).decode(), "x5c is the DER");
    }

    @Test
    void anAliasPicksItsEntryAndTheAliasesAreSorted() {
        Pkcs12Keystore store = open(two);

        assertEquals(List.of("a", "b"), store.aliases());
        assertEquals("EC", store.keyEntry(Optional.of("b")).privateKey().getAlgorithm());
        assertTrue(store.isPrivateKeyEntry("a"));
        assertTrue(store.trustedCertificate("a").isEmpty(), "a key entry is no trusted-certificate entry");
    }

    @Test
    void severalKeyEntriesNeedTheAlias() {
        var e = assertThrows(KeystoreException.class, () -> open(two).keyEntry(Optional.empty()));

        assertEquals("x.keystore " + two + " holds 2 private key entries (a, b): set x.key-alias to the one that does the work.",
                e.getMessage());
    }

    @Test
    void anAliasThatNamesNoEntryIsNamed() {
        var e = assertThrows(KeystoreException.class, () -> open(two).keyEntry(Optional.of("nope")));

        assertEquals("x.key-alias='nope' names no entry of " + two + "; it holds the entries a, b.", e.getMessage());
    }

    @Test
    void aWrongPasswordOrAMissingFileNamesTheSettingButNeverThePassword() {
        var wrong = assertThrows(KeystoreException.class,
                () -> Pkcs12Keystore.open(single, "secret-guess".toCharArray(), SETTINGS));
        assertTrue(wrong.getMessage().startsWith("x.keystore: cannot open " + single.toAbsolutePath()
                + " as PKCS#12 with x.keystore-password"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("secret-guess"), wrong.getMessage());

        var missing = assertThrows(KeystoreException.class, () -> open(dir.resolve("missing.p12")));
        assertEquals("x.keystore: there is no file " + dir.resolve("missing.p12").toAbsolutePath() + ".", missing.getMessage());
    }
}
