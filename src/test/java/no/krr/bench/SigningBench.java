package no.krr.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What one signature costs on this JDK, on one thread: signing a person's JSON body as a compact
 * JWS the way {@code ResponseSigner} does (Nimbus), and checking an access token's signature the way
 * {@code TokenVerifier} does, per algorithm. The floor under GET JOSE and under every request's token
 * check. Prints µs per operation, the median of 7 rounds after a warm-up. Run by
 * {@code bench/signing.sh}; a figure, not a test.
 */
public final class SigningBench {

    static final byte[] BODY = ("{\"personidentifikator\":\"23079421936\",\"reservasjon\":\"NEI\",\"status\":\"AKTIV\","
            + "\"varslingsstatus\":\"KAN_VARSLES\",\"kontaktinformasjon\":{\"epostadresse\":\"ola.nordmann@example.no\","
            + "\"epostadresse_oppdatert\":\"2026-10-02T10:00:00+02:00\",\"epostadresse_sist_verifisert\":\"2026-10-02T10:00:00+02:00\","
            + "\"mobiltelefonnummer\":\"+4799999999\",\"mobiltelefonnummer_oppdatert\":\"2026-10-02T10:00:00+02:00\","
            + "\"mobiltelefonnummer_sist_verifisert\":\"2026-10-02T10:00:00+02:00\"},\"digital_post\":{\"postkasseadresse\":"
            + "\"ola.nordmann#9YDT\",\"postkasseleverandoeradresse\":\"984661185\"},\"spraak\":\"nn\","
            + "\"spraak_oppdatert\":\"2023-06-29T10:14:52+02:00\"}").getBytes(StandardCharsets.UTF_8);

    static volatile Object sink;

    public static void main(String[] args) throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
        System.out.println("| algorithm | sign a body, Nimbus (µs) | verify a signature, Nimbus (µs) |");
        System.out.println("|---|--:|--:|");
        row(JWSAlgorithm.RS256, new RSASSASigner(rsa), new RSASSAVerifier(rsa.toRSAPublicKey()), 2_000);
        row(JWSAlgorithm.PS256, new RSASSASigner(rsa), new RSASSAVerifier(rsa.toRSAPublicKey()), 2_000);
        row(JWSAlgorithm.ES256, new ECDSASigner(ec), new ECDSAVerifier(ec.toECPublicKey()), 5_000);
    }

    private static void row(JWSAlgorithm algorithm, JWSSigner signer, JWSVerifier verifier, int perRound) throws Exception {
        JWSHeader header = new JWSHeader.Builder(algorithm).keyID("k").build();
        String signed = sign(header, signer);
        double sign = median(() -> sign(header, signer), perRound);
        double verify = median(() -> verify(signed, verifier), perRound * 4);
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f |%n", algorithm, sign, verify);
    }

    private static String sign(JWSHeader header, JWSSigner signer) throws JOSEException {
        JWSObject jws = new JWSObject(header, new Payload(BODY));
        jws.sign(signer);
        return jws.serialize();
    }

    private static boolean verify(String compact, JWSVerifier verifier) throws JOSEException, ParseException {
        return JWSObject.parse(compact).verify(verifier);
    }

    interface Work {
        Object run() throws Exception;
    }

    private static double median(Work work, int perRound) throws Exception {
        for (int warm = 0; warm < 3; warm++) {
            time(work, perRound);
        }
        double[] rounds = new double[7];
        for (int r = 0; r < rounds.length; r++) {
            rounds[r] = time(work, perRound);
        }
        Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }

    private static double time(Work work, int count) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            sink = work.run();
        }
        return (System.nanoTime() - start) / 1e3 / count;
    }
}
