package no.krr.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.jwk.KeyConverter;
import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nimbus's choice of verification keys for a token, with each chosen JWK turned into a Java key
 * once rather than on every token: Nimbus converts the cached JWKS's key again per call (a
 * {@code KeyFactory} per token, about 1 % of a GET's CPU, bench/RESULTS.md). The conversion is kept
 * per JWK, compared by all its parameters, so a rotated or different key is converted anew and never
 * answered by another's; at most {@value #MAX_KEYS} are kept, then the store starts afresh. Only
 * public keys are returned, as Nimbus does.
 */
final class ConvertedKeys extends JWSVerificationKeySelector<SecurityContext> {

    static final int MAX_KEYS = 64;

    private final Map<JWK, List<PublicKey>> converted = new ConcurrentHashMap<>();

    ConvertedKeys(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> keys) {
        super(algorithms, keys);
    }

    @Override
    public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
        if (!isAllowed(header.getAlgorithm())) {
            return List.of();
        }
        JWKMatcher matcher = createJWKMatcher(header);
        if (matcher == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<JWK> matches = getJWKSource().get(new JWKSelector(matcher), context);
        List<Key> keys = new ArrayList<>(matches.size());
        for (JWK jwk : matches) {
            keys.addAll(publicKeys(jwk));
        }
        return keys;
    }

    private List<PublicKey> publicKeys(JWK jwk) {
        List<PublicKey> keys = converted.get(jwk);
        if (keys == null) {
            keys = KeyConverter.toJavaKeys(List.of(jwk)).stream()
                    .filter(PublicKey.class::isInstance).map(PublicKey.class::cast).toList();
            if (converted.size() >= MAX_KEYS) {
                converted.clear();
            }
            converted.put(jwk, keys);
        }
        return keys;
    }

    int converted() {
        return converted.size();
    }
}
