package no.krr.platform;

import com.nimbusds.jose.util.Base64;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A PKCS#12 keystore whose entries are protected by the keystore password, as both the response
 * signing key and the Maskinporten business certificate are kept. It opens the file, finds the
 * private key entry by alias (or the only one), and says in every error which setting to fix: the
 * settings' names come with {@link Settings}, so that one wording serves both. No message holds
 * the password.
 */
public final class Pkcs12Keystore {

    /**
     * The names of the settings that point at a keystore, for the errors, and what the key is for
     * ({@code whichKey}), to say which entry an operator should name when several are there.
     */
    public record Settings(String keystore, String password, String alias, String whichKey) {
    }

    /** A private key and its certificate chain, leaf first. */
    public record KeyEntry(String alias, PrivateKey privateKey, List<X509Certificate> chain) {

        public KeyEntry {
            chain = List.copyOf(chain);
        }

        public X509Certificate leaf() {
            return chain.get(0);
        }
    }

    private final KeyStore store;
    private final Path path;
    private final char[] password;
    private final Settings settings;
    private final List<String> aliases;

    private Pkcs12Keystore(KeyStore store, Path path, char[] password, Settings settings, List<String> aliases) {
        this.store = store;
        this.path = path;
        this.password = password.clone();
        this.settings = settings;
        this.aliases = List.copyOf(aliases);
    }

    /** Opens the keystore at {@code path} with {@code password}. */
    public static Pkcs12Keystore open(Path path, char[] password, Settings settings) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(path)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (NoSuchFileException e) {
            throw new KeystoreException(settings.keystore() + ": there is no file " + path.toAbsolutePath() + ".");
        } catch (IOException | GeneralSecurityException e) {
            throw new KeystoreException(settings.keystore() + ": cannot open " + path.toAbsolutePath()
                    + " as PKCS#12 with " + settings.password() + " (wrong password, or not a PKCS#12 file): "
                    + e.getMessage(), e);
        }
        try {
            List<String> aliases = new ArrayList<>(Collections.list(store.aliases()));
            Collections.sort(aliases); // a stable order in errors and in what callers publish
            return new Pkcs12Keystore(store, path, password, settings, aliases);
        } catch (GeneralSecurityException e) {
            throw new KeystoreException(settings.keystore() + " " + path + " cannot be read", e);
        }
    }

    public Path path() {
        return path;
    }

    /** Every entry's alias, sorted. */
    public List<String> aliases() {
        return aliases;
    }

    /**
     * The private key entry named {@code alias}, or without one the only private key entry the
     * keystore holds.
     */
    public KeyEntry keyEntry(Optional<String> alias) {
        String name = alias.orElseGet(this::onlyKeyEntry);
        if (!aliases.contains(name)) {
            throw new KeystoreException(settings.alias() + "='" + name + "' names no entry of " + path + "; it holds "
                    + describeAliases() + ".");
        }
        if (!isPrivateKeyEntry(name)) {
            throw new KeystoreException("Entry '" + name + "' of " + path + " (" + settings.alias()
                    + ") holds no private key, so it cannot sign.");
        }
        return new KeyEntry(name, privateKey(name), chain(name));
    }

    public boolean isPrivateKeyEntry(String alias) {
        try {
            return store.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class);
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("Entry '" + alias + "' of " + settings.keystore() + " cannot be read", e);
        }
    }

    /**
     * The certificate chain of an entry, leaf first: a key entry's chain, or the one certificate of
     * a certificate entry.
     */
    public List<X509Certificate> chain(String alias) {
        try {
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null || chain.length == 0) {
                Certificate single = store.getCertificate(alias);
                chain = single == null ? new Certificate[0] : new Certificate[] {single};
            }
            if (chain.length == 0 || !Arrays.stream(chain).allMatch(X509Certificate.class::isInstance)) {
                throw new KeystoreException("Entry '" + alias + "' of " + settings.keystore() + " has no X.509 certificate.");
            }
            return Arrays.stream(chain).map(X509Certificate.class::cast).toList();
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("Entry '" + alias + "' of " + settings.keystore() + " cannot be read", e);
        }
    }

    /** The certificate of a trusted-certificate entry (one without a private key), if it is X.509. */
    public Optional<X509Certificate> trustedCertificate(String alias) {
        try {
            if (store.entryInstanceOf(alias, KeyStore.TrustedCertificateEntry.class)
                    && store.getCertificate(alias) instanceof X509Certificate certificate) {
                return Optional.of(certificate);
            }
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("Entry '" + alias + "' of " + settings.keystore() + " cannot be read", e);
        }
    }

    /** The chain as a JWS {@code x5c} header or a JWK carries it: DER, base64, leaf first. */
    public static List<Base64> x5c(List<X509Certificate> chain) {
        return chain.stream().map(Pkcs12Keystore::der).toList();
    }

    private static Base64 der(X509Certificate certificate) {
        try {
            return Base64.encode(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new KeystoreException("A certificate of " + certificate.getSubjectX500Principal() + " cannot be encoded", e);
        }
    }

    private String onlyKeyEntry() {
        List<String> keyEntries = aliases.stream().filter(this::isPrivateKeyEntry).toList();
        if (keyEntries.size() == 1) {
            return keyEntries.get(0);
        }
        throw new KeystoreException(keyEntries.isEmpty()
                ? settings.keystore() + " " + path + " holds no private key entry; it holds " + describeAliases() + "."
                : settings.keystore() + " " + path + " holds " + keyEntries.size() + " private key entries ("
                + String.join(", ", keyEntries) + "): set " + settings.alias() + " to " + settings.whichKey() + ".");
    }

    private String describeAliases() {
        return aliases.isEmpty() ? "no entries" : "the entries " + String.join(", ", aliases);
    }

    private PrivateKey privateKey(String alias) {
        try {
            Key key = store.getKey(alias, password);
            if (key instanceof PrivateKey privateKey) {
                return privateKey;
            }
            throw new KeystoreException("Entry '" + alias + "' of " + path + " holds no private key.");
        } catch (UnrecoverableKeyException e) {
            throw new KeystoreException("The key '" + alias + "' of " + path + " cannot be read with "
                    + settings.password() + ": its key password must be the keystore password.", e);
        } catch (GeneralSecurityException e) {
            throw new KeystoreException("The key '" + alias + "' of " + path + " cannot be read", e);
        }
    }
}
