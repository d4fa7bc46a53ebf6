package no.krr.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The keystores the signing tests share, made once per test JVM (keytool starts a JVM per call,
 * so making them per test would cost minutes) in a temporary folder removed at exit.
 */
final class TestKeystores {

    /**
     * RSA 2048 {@code signing} with a chain of two (a CA signed it), and what a keystore gathers over
     * rotations: {@code old-rsa} and {@code old-ec} (P-256) key pairs, {@code old-cert} a certificate
     * only, and entries that must not be published: {@code weak} (RSA 1024), {@code p384} (EC P-384),
     * {@code ca} (the CA's certificate).
     */
    final Path rotated;
    /** Only {@code signing}: EC P-256, chain of two. */
    final Path singleEc;
    /** The {@code signing} key of {@link #rotated}, re-packaged under the alias {@code renamed}. */
    final Path repackaged;

    private static TestKeystores instance;

    private TestKeystores(Path dir) {
        Keytool keytool = new Keytool(dir);
        rotated = dir.resolve("rotated.p12");
        singleEc = dir.resolve("single-ec.p12");
        repackaged = dir.resolve("repackaged.p12");
        Path other = dir.resolve("other.p12");
        keytool.chained(rotated, "signing", "RSA", "2048")
                .selfSigned(rotated, "old-rsa", "RSA", "2048")
                .selfSigned(rotated, "old-ec", "EC", "secp256r1")
                .selfSigned(other, "retired", "RSA", "2048")
                .certificateOnly(rotated, "old-cert", other, "retired")
                .selfSigned(rotated, "weak", "RSA", "1024")
                .selfSigned(rotated, "p384", "EC", "secp384r1")
                .importCertificate(rotated, "ca", keytool.caCertificate(rotated, "signing"))
                .chained(singleEc, "signing", "EC", "secp256r1")
                .copy(rotated, "signing", repackaged, "renamed");
    }

    static synchronized TestKeystores get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("krr-signing-test-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                instance = new TestKeystores(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is no failure
        }
    }
}
