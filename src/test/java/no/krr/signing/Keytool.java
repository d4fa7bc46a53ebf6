package no.krr.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes PKCS#12 test keystores with the JDK's {@code keytool}: the JDK has no public API to issue
 * certificates, and a real keytool keystore is what an operator brings anyway.
 */
public final class Keytool {

    public static final String PASSWORD = "test-password";

    private final Path dir;

    public Keytool(Path dir) {
        this.dir = dir;
    }

    /** A key pair with a self-signed certificate; {@code size} is bits for RSA, a curve name for EC. */
    public Keytool selfSigned(Path store, String alias, String keyalg, String size) {
        return keyPair(store, alias, keyalg, size, "CN=" + alias + ",O=KRR test");
    }

    private Keytool keyPair(Path store, String alias, String keyalg, String size, String dname, String... extra) {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", keyalg,
                keyalg.equals("EC") ? "-groupname" : "-keysize", size, "-dname", dname, "-validity", "30"));
        args.addAll(List.of(extra));
        return run(store, args);
    }

    /** A key pair whose certificate a fresh CA signed: the entry's chain is leaf, then CA. */
    public Keytool chained(Path store, String alias, String keyalg, String size) {
        String name = store.getFileName().toString().replace(".p12", "") + "-" + alias;
        Path ca = caKeystore(store, alias);
        Path caCert = caCertificate(store, alias);
        Path request = dir.resolve(name + ".csr");
        Path reply = dir.resolve(name + ".cer");
        keyPair(ca, "ca", keyalg, size, "CN=KRR test CA " + alias, "-ext", "bc:c");
        run(ca, List.of("-exportcert", "-alias", "ca", "-file", caCert.toString()));
        selfSigned(store, alias, keyalg, size);
        run(store, List.of("-certreq", "-alias", alias, "-file", request.toString()));
        run(ca, List.of("-gencert", "-alias", "ca", "-infile", request.toString(), "-outfile", reply.toString(),
                "-validity", "30"));
        // keytool builds the chain of a reply from certificates it trusts: lend it the CA's, then take it back
        run(store, List.of("-importcert", "-alias", "tmp-ca", "-file", caCert.toString()));
        run(store, List.of("-importcert", "-alias", alias, "-file", reply.toString()));
        return run(store, List.of("-delete", "-alias", "tmp-ca"));
    }

    /** The keystore of the CA that {@link #chained} made for that entry. */
    Path caKeystore(Path store, String alias) {
        return dir.resolve("ca-" + store.getFileName().toString().replace(".p12", "") + "-" + alias + ".p12");
    }

    /** The certificate of the CA that {@link #chained} made for that entry. */
    Path caCertificate(Path store, String alias) {
        return dir.resolve("ca-" + store.getFileName().toString().replace(".p12", "") + "-" + alias + ".cer");
    }

    /** The certificate of {@code fromAlias} in {@code from}, as a certificate-only entry of {@code store}. */
    Keytool certificateOnly(Path store, String alias, Path from, String fromAlias) {
        Path cert = dir.resolve(fromAlias + "-export.cer");
        run(from, List.of("-exportcert", "-alias", fromAlias, "-file", cert.toString()));
        return importCertificate(store, alias, cert);
    }

    /** A certificate file as a certificate-only entry. */
    Keytool importCertificate(Path store, String alias, Path certificate) {
        return run(store, List.of("-importcert", "-alias", alias, "-file", certificate.toString()));
    }

    /** One entry copied into another keystore under another alias: the same key, re-packaged. */
    Keytool copy(Path from, String fromAlias, Path to, String toAlias) {
        return run(to, List.of("-importkeystore", "-srckeystore", from.toString(), "-srcstoretype", "PKCS12",
                "-srcstorepass", PASSWORD, "-srcalias", fromAlias, "-destalias", toAlias, "-destkeystore", to.toString(), "-deststoretype", "PKCS12",
                "-deststorepass", PASSWORD, "-destkeypass", PASSWORD));
    }

    private Keytool run(Path store, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // a short-lived JVM per call: skip the optimising compiler, it only costs here
        command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        command.addAll(args);
        if (!args.contains("-importkeystore")) {
            command.addAll(List.of("-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD));
            if (args.get(0).equals("-genkeypair")) {
                command.addAll(List.of("-keypass", PASSWORD));
            }
        }
        command.add("-noprompt");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + String.join(" ", command) + "\n" + output);
            }
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("keytool could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
