package no.krr.upstream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import no.krr.platform.KeystoreException;
import no.krr.platform.Pkcs12Keystore;

/**
 * The JWT-bearer assertion of a Maskinporten grant (docs/register.md §4): signed RS256 with the key
 * of the business certificate in {@code krr.maskinporten.keystore}, the certificate chain in
 * {@code x5c}. The keystore is read once, on first use: a file rotated or removed under a running
 * service does not stop it.
 */
final class MaskinportenAssertion {

    private static final Logger LOG = Logger.getLogger(MaskinportenAssertion.class.getName());

    /** Maskinporten refuses an assertion that lives longer (docs/register.md §4). */
    static final Duration LIFETIME = Duration.ofSeconds(120);

    private static final Pkcs12Keystore.Settings KEYSTORE_SETTINGS = new Pkcs12Keystore.Settings(MaskinportenSettings.KEYSTORE,
            MaskinportenSettings.KEYSTORE_PASSWORD, MaskinportenSettings.KEY_ALIAS, "the one of the business certificate");

    private final MaskinportenSettings settings;
    private final Clock clock;
    private volatile ClientKey key;

    /** The signing key and its certificate chain, leaf first, as {@code x5c} carries it. */
    private record ClientKey(RSAPrivateKey privateKey, List<Base64> chain) {
    }

    MaskinportenAssertion(MaskinportenSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The signed assertion for a grant at {@code now}. */
    String sign(Instant now) throws UpstreamException {
        ClientKey client = clientKey();
        Instant iat = Instant.ofEpochSecond(now.getEpochSecond()); // JWT times are whole seconds
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(settings.audience())
                .issuer(settings.clientId())
                .claim("scope", settings.scope())
                .issueTime(Date.from(iat))
                .expirationTime(Date.from(iat.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).x509CertChain(client.chain()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(client.privateKey()));
        } catch (JOSEException e) {
            throw new UpstreamException("cannot sign the Maskinporten grant with the key of " + MaskinportenSettings.KEYSTORE
                    + ": " + e.getMessage(), false, e);
        }
        return jwt.serialize();
    }

    private ClientKey clientKey() throws UpstreamException {
        ClientKey k = key;
        if (k == null) {
            synchronized (this) {
                k = key;
                if (k == null) {
                    k = load();
                    key = k;
                }
            }
        }
        return k;
    }

    private ClientKey load() throws UpstreamException {
        Path path = settings.keystore();
        char[] password = settings.keystorePassword();
        Pkcs12Keystore.KeyEntry entry;
        try {
            entry = Pkcs12Keystore.open(path, password, KEYSTORE_SETTINGS).keyEntry(settings.keyAlias());
        } catch (KeystoreException e) {
            throw new UpstreamException(e.getMessage(), false, e);
        }
        String alias = entry.alias();
        if (!(entry.privateKey() instanceof RSAPrivateKey rsa)) {
            throw new UpstreamException("the key '" + alias + "' of " + MaskinportenSettings.KEYSTORE + " is a "
                    + entry.privateKey().getAlgorithm()
                    + " key: the Maskinporten grant is signed RS256 and needs the RSA key of the business certificate.", false);
        }
        X509Certificate leaf = entry.leaf();
        if (leaf.getNotAfter().toInstant().isBefore(clock.instant())) {
            LOG.warning("The Maskinporten business certificate '" + alias + "' expired " + leaf.getNotAfter().toInstant()
                    + ": Maskinporten will refuse the grant. Renew it.");
        }
        List<Base64> x5c;
        try {
            x5c = Pkcs12Keystore.x5c(entry.chain());
        } catch (KeystoreException e) {
            throw new UpstreamException(e.getMessage(), false, e);
        }
        LOG.info("Maskinporten client key '" + alias + "' loaded from " + path + " (certificate " + leaf.getSubjectX500Principal()
                + ", chain of " + x5c.size() + ")");
        return new ClientKey(rsa, x5c);
    }
}
