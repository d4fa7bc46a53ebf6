package no.krr.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Signs response bodies as compact JWS ({@code application/jose}, docs/api.md §2). The header names
 * {@code alg}, {@code kid} (the key's RFC 7638 thumbprint, as in the JWKS), {@code typ: JOSE} (the
 * short form of {@code application/jose}: the payload is a JSON document, not a JWT, so {@code JWT}
 * would mislead), {@code x5c} when the key has a certificate chain, and {@code iat}: the signing
 * time in seconds, so that a captured JWS can be judged by its age (the payload is the body, so the
 * time cannot go there).
 *
 * <p>Made once when the application starts: a keystore that cannot work fails the deployment, and
 * no request pays for parsing keys. The header is serialised once per second of {@code iat}, not per
 * signature, and the signer is shared (Nimbus signers are thread-safe).
 */
@ApplicationScoped
public class ResponseSigner {

    /** The media type of a compact JWS. */
    public static final String APPLICATION_JOSE = "application/jose";

    /** The name of the signing-time header parameter (the JWT claim's name, RFC 7519 §4.1.6). */
    public static final String IAT = "iat";

    private final SigningKeys keys;
    private final JWSSigner signer;
    private final String publicJwksJson;
    private final Clock clock;
    private final AtomicReference<StampedHeader> current;

    @Inject
    public ResponseSigner(SigningSettings settings, Clock clock) {
        this(SigningKeys.load(settings), clock);
    }

    public ResponseSigner(SigningKeys keys, Clock clock) {
        this.keys = keys;
        this.signer = keys.newSigner();
        this.publicJwksJson = keys.publicJwks().toString();
        this.clock = Objects.requireNonNull(clock, "clock");
        long now = clock.instant().getEpochSecond();
        this.current = new AtomicReference<>(new StampedHeader(now, headerWithIat(keys, now)));
    }

    /** For the CDI client proxy only. */
    protected ResponseSigner() {
        this.keys = null;
        this.signer = null;
        this.publicJwksJson = null;
        this.clock = null;
        this.current = null;
    }

    /** Makes the bean when the application starts, so that bad signing settings fail the deployment. */
    void startUp(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // nothing to do: being called made the bean
    }

    /**
     * The compact JWS of exactly these bytes: the payload is not parsed or re-serialised, so a
     * client that verifies it gets the very bytes of the JSON response.
     */
    public String sign(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        JWSObject jws = new JWSObject(headerAt(clock.instant().getEpochSecond()), new Payload(payload));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing a response with key " + keys.keyId() + " failed", e);
        }
        return jws.serialize();
    }

    public JWSAlgorithm algorithm() {
        return keys.algorithm();
    }

    /** The {@code kid} of the current key. */
    public String keyId() {
        return keys.keyId();
    }

    /** The JWKS document (public keys only), as {@code /.well-known/jwks.json} serves it. */
    public String publicJwksJson() {
        return publicJwksJson;
    }

    private JWSHeader headerAt(long epochSecond) {
        StampedHeader stamped = current.get();
        if (stamped.epochSecond() == epochSecond) {
            return stamped.header();
        }
        // two threads crossing a second may both build it; the last one kept is as good as any
        JWSHeader header = headerWithIat(keys, epochSecond);
        current.set(new StampedHeader(epochSecond, header));
        return header;
    }

    private static JWSHeader headerWithIat(SigningKeys keys, long epochSecond) {
        JWSHeader.Builder builder = new JWSHeader.Builder(keys.algorithm())
                .keyID(keys.keyId())
                .type(JOSEObjectType.JOSE)
                .customParam(IAT, epochSecond);
        keys.certificateChain().ifPresent(builder::x509CertChain);
        try {
            // parsed back from its own base64url, the header keeps that form: no JSON per signature
            return JWSHeader.parse(builder.build().toBase64URL());
        } catch (ParseException e) {
            throw new IllegalStateException("A JWS header Nimbus made cannot be parsed back", e);
        }
    }

    private record StampedHeader(long epochSecond, JWSHeader header) {
    }
}
