package no.krr.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import no.krr.platform.KeystoreException;
import no.krr.platform.Pkcs12Keystore;
import java.util.stream.Collectors;

/**
 * The keys that sign {@code application/jose} responses, and the public keys that verify them.
 *
 * <p>The entry named by {@code krr.signing.key-alias} is the <em>current</em> key: it signs. Every
 * other entry of the keystore (private key or certificate) holding a key that some supported
 * algorithm can use – RSA of at least 2048 bits, or EC on P-256 – is a <em>previous</em> key,
 * published for verification only. That is how keys rotate: add the new key under a new alias,
 * point the alias at it, and a client holding yesterday's response can still find yesterday's key.
 * An operator retires a key by removing its entry. Certificates of a CA and entries whose
 * certificate has expired are not published: they cannot be keys a response was signed with and
 * still trusted.
 *
 * <p>The {@code kid} of every key is its RFC 7638 thumbprint (SHA-256, base64url): it depends on
 * the key alone, so it stays the same across restarts, re-packaged keystores and renamed aliases.
 *
 * <p>In the JWKS, the current key names the configured algorithm as {@code alg}. A previous key
 * names one only where it is certain: {@code ES256} for P-256; an RSA key may have signed with
 * RS256 or PS256 (the algorithm can change while the key stays), so it carries no {@code alg} and a
 * verifier takes the algorithm from the JWS header, as RFC 7517 §4.4 allows.
 *
 * <p>A plain class, built once at start by {@link ResponseSigner}; tests build it directly.
 */
public final class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    static final int RSA_MIN_BITS = 2048;

    private static final Pkcs12Keystore.Settings KEYSTORE_SETTINGS = new Pkcs12Keystore.Settings(SigningSettings.KEYSTORE,
            SigningSettings.KEYSTORE_PASSWORD, SigningSettings.KEY_ALIAS, "the one that signs now");

    private final JWSAlgorithm algorithm;
    private final JWK current; // with its private part: never leaves this package
    private final List<JWK> previous; // public parts only
    private final boolean ephemeral;

    private SigningKeys(JWSAlgorithm algorithm, JWK current, List<JWK> previous, boolean ephemeral) {
        this.algorithm = algorithm;
        this.current = current;
        this.previous = List.copyOf(previous);
        this.ephemeral = ephemeral;
    }

    /** The keys the settings describe; a {@link SigningConfigurationException} says what to fix. */
    public static SigningKeys load(SigningSettings settings) {
        return load(settings, Clock.systemUTC());
    }

    static SigningKeys load(SigningSettings settings, Clock clock) {
        JWSAlgorithm algorithm = settings.algorithm();
        Optional<Path> keystore = settings.keystore();
        if (keystore.isEmpty()) {
            return ephemeral(algorithm);
        }
        char[] password = settings.keystorePassword().orElseThrow(() -> new SigningConfigurationException(
                SigningSettings.KEYSTORE_PASSWORD + " is required when " + SigningSettings.KEYSTORE + " is set."));
        return fromKeystore(algorithm, keystore.get(), password, settings.keyAlias(), clock);
    }

    /**
     * A key made now, for the sandbox and for trying the service: it changes on every restart, so a
     * response cannot be verified after the next one, and it has no certificate.
     */
    public static SigningKeys ephemeral(JWSAlgorithm algorithm) {
        try {
            JWK key = switch (family(algorithm)) {
                case RSA -> new RSAKeyGenerator(RSA_MIN_BITS).keyUse(KeyUse.SIGNATURE).algorithm(algorithm)
                        .keyIDFromThumbprint(true).generate();
                case EC -> new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(algorithm)
                        .keyIDFromThumbprint(true).generate();
            };
            LOG.warning(() -> "Responses are signed with an ephemeral " + algorithm + " key (kid " + key.getKeyID()
                    + ") that changes on every restart, so clients cannot verify them after the next one. Set "
                    + SigningSettings.KEYSTORE + " (with " + SigningSettings.KEYSTORE_PASSWORD + " and "
                    + SigningSettings.KEY_ALIAS + ") to a PKCS#12 keystore of the signing key.");
            return new SigningKeys(algorithm, key, List.of(), true);
        } catch (JOSEException e) {
            throw new SigningConfigurationException("Could not make an ephemeral " + algorithm + " key", e);
        }
    }

    /**
     * The keys of a PKCS#12 keystore whose entries are protected by the keystore password. Without an
     * alias, the keystore must hold exactly one private key entry.
     */
    public static SigningKeys fromKeystore(JWSAlgorithm algorithm, Path path, char[] password, Optional<String> alias,
                                           Clock clock) {
        try {
            Pkcs12Keystore store = Pkcs12Keystore.open(path, password, KEYSTORE_SETTINGS);
            Pkcs12Keystore.KeyEntry entry = store.keyEntry(alias);
            String currentAlias = entry.alias();
            List<X509Certificate> chain = entry.chain();
            PublicKey publicKey = entry.leaf().getPublicKey();
            unfitFor(algorithm, publicKey).ifPresent(why -> {
                throw new SigningConfigurationException("The key '" + currentAlias + "' of " + path + " cannot sign with "
                        + SigningSettings.ALGORITHM + "=" + algorithm + ": it is " + why + ". Set " + SigningSettings.ALGORITHM
                        + " to fit the key, or " + SigningSettings.KEY_ALIAS + " to another entry.");
            });
            warnIfNotValidNow(currentAlias, entry.leaf(), clock.instant());
            JWK current = jwk(publicKey, entry.privateKey(), chain, algorithm);

            Set<String> published = new LinkedHashSet<>(List.of(current.getKeyID()));
            List<JWK> previous = new ArrayList<>();
            for (String other : store.aliases()) {
                if (!other.equals(currentAlias)) {
                    previousKey(store, other, clock.instant())
                            .filter(key -> published.add(key.getKeyID())) // the same key under two aliases: once
                            .ifPresent(previous::add);
                }
            }
            LOG.info(() -> "Responses are signed with " + algorithm + " by key '" + currentAlias + "' of " + path + " (kid "
                    + current.getKeyID() + ", certificate chain of " + chain.size() + "); previous keys published: "
                    + (previous.isEmpty() ? "none" : previous.stream().map(JWK::getKeyID).collect(Collectors.joining(", "))));
            return new SigningKeys(algorithm, current, previous, false);
        } catch (KeystoreException e) {
            throw new SigningConfigurationException(e.getMessage(), e);
        }
    }

    public JWSAlgorithm algorithm() {
        return algorithm;
    }

    /** The {@code kid} of the current key, as the JWS header and the JWKS name it. */
    public String keyId() {
        return current.getKeyID();
    }

    /** The current key's certificate chain, leaf first, when it has one (never for an ephemeral key). */
    public Optional<List<Base64>> certificateChain() {
        return Optional.ofNullable(current.getX509CertChain()).filter(chain -> !chain.isEmpty());
    }

    public boolean ephemeral() {
        return ephemeral;
    }

    /** The current and the previous keys, public parts only: what {@code /.well-known/jwks.json} serves. */
    public JWKSet publicJwks() {
        List<JWK> keys = new ArrayList<>();
        keys.add(current.toPublicJWK());
        keys.addAll(previous);
        return new JWKSet(keys);
    }

    /** A signer of the current key. Nimbus signers are thread-safe: make one and share it. */
    JWSSigner newSigner() {
        try {
            return switch (family(algorithm)) {
                case RSA -> new RSASSASigner(current.toRSAKey());
                case EC -> new ECDSASigner(current.toECKey());
            };
        } catch (JOSEException e) {
            throw new SigningConfigurationException("The key " + keyId() + " cannot sign with " + algorithm, e);
        }
    }

    private enum Family { RSA, EC }

    private static Family family(JWSAlgorithm algorithm) {
        if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
            return Family.RSA;
        }
        if (JWSAlgorithm.ES256.equals(algorithm)) {
            return Family.EC;
        }
        throw new SigningConfigurationException(SigningSettings.ALGORITHM + "=" + algorithm + " is not supported: use "
                + "RS256, PS256 or ES256.");
    }

    /** Why the key cannot sign with the algorithm, or empty when it can. */
    static Optional<String> unfitFor(JWSAlgorithm algorithm, PublicKey key) {
        boolean fits = switch (family(algorithm)) {
            case RSA -> key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= RSA_MIN_BITS;
            case EC -> key instanceof ECPublicKey ec && Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()));
        };
        if (fits) {
            return Optional.empty();
        }
        String needed = family(algorithm) == Family.RSA
                ? "an RSA key of at least " + RSA_MIN_BITS + " bits"
                : "an EC key on curve P-256";
        return Optional.of(describe(key) + ", and " + algorithm + " needs " + needed);
    }

    private static String describe(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "an RSA key of " + rsa.getModulus().bitLength() + " bits";
        }
        if (key instanceof ECPublicKey ec) {
            Curve curve = Curve.forECParameterSpec(ec.getParams());
            return "an EC key on curve " + (curve == null ? "(unknown)" : curve.getName());
        }
        return "a " + key.getAlgorithm() + " key";
    }

    /** A previous key, if the entry holds one a supported algorithm can use and it is still valid. */
    private static Optional<JWK> previousKey(Pkcs12Keystore store, String alias, Instant now) {
        Optional<List<X509Certificate>> chain = store.isPrivateKeyEntry(alias) ? Optional.of(store.chain(alias))
                : store.trustedCertificate(alias).map(List::of);
        if (chain.isEmpty()) {
            LOG.fine(() -> "Entry '" + alias + "' of the signing keystore holds no key pair or certificate: not published");
            return Optional.empty();
        }
        X509Certificate leaf = chain.get().get(0);
        PublicKey key = leaf.getPublicKey();
        JWSAlgorithm usable = key instanceof ECPublicKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
        Optional<String> unfit = unfitFor(usable, key);
        if (unfit.isPresent()) {
            LOG.info(() -> "Entry '" + alias + "' of the signing keystore is not published: it is " + unfit.get());
            return Optional.empty();
        }
        if (leaf.getBasicConstraints() >= 0) {
            LOG.fine(() -> "Entry '" + alias + "' of the signing keystore is a CA certificate: not published");
            return Optional.empty();
        }
        if (leaf.getNotAfter().toInstant().isBefore(now)) {
            LOG.info(() -> "Entry '" + alias + "' of the signing keystore is not published: its certificate expired "
                    + leaf.getNotAfter().toInstant());
            return Optional.empty();
        }
        // RSA keys sign with RS256 or PS256: name no algorithm rather than a wrong one
        JWSAlgorithm alg = key instanceof ECPublicKey ? JWSAlgorithm.ES256 : null;
        return Optional.of(jwk(key, null, chain.get(), alg).toPublicJWK());
    }

    private static JWK jwk(PublicKey key, PrivateKey privateKey, List<X509Certificate> chain, JWSAlgorithm alg) {
        List<Base64> x5c = chain.isEmpty() ? null : Pkcs12Keystore.x5c(chain);
        try {
            if (key instanceof RSAPublicKey rsa) {
                return new RSAKey.Builder(rsa).privateKey(privateKey).keyUse(KeyUse.SIGNATURE).algorithm(alg)
                        .x509CertChain(x5c).keyIDFromThumbprint().build();
            }
            return new ECKey.Builder(Curve.P_256, (ECPublicKey) key).privateKey(privateKey).keyUse(KeyUse.SIGNATURE)
                    .algorithm(alg).x509CertChain(x5c).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new SigningConfigurationException("Could not compute the thumbprint of a signing key", e);
        }
    }

    private static void warnIfNotValidNow(String alias, X509Certificate leaf, Instant now) {
        // a signature stays verifiable with the public key; the certificate's dates are the client's policy
        if (leaf.getNotAfter().toInstant().isBefore(now)) {
            LOG.warning(() -> "The certificate of signing key '" + alias + "' expired " + leaf.getNotAfter().toInstant()
                    + ": clients that check x5c will reject the responses. Rotate the key.");
        } else if (leaf.getNotBefore().toInstant().isAfter(now)) {
            LOG.warning(() -> "The certificate of signing key '" + alias + "' is valid only from "
                    + leaf.getNotBefore().toInstant() + ".");
        }
    }
}
