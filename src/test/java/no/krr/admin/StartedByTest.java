package no.krr.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import no.krr.security.AuthSettings;
import no.krr.security.VerifiedToken;
import org.junit.jupiter.api.Test;

class StartedByTest {

    @Test
    void anOperatorIsWrittenSubThenClientId() {
        StartedBy by = StartedBy.operator(Optional.of("a1b2"), Optional.of("krr-admin-console"));
        assertEquals("sub=a1b2;client_id=krr-admin-console", by.format());
        assertEquals(Optional.of(by), StartedBy.parse("sub=a1b2;client_id=krr-admin-console"));
        assertEquals(StartedBy.Kind.OPERATOR, by.kind());
    }

    @Test
    void aMissingClientOrSubIsADash() {
        assertEquals("sub=a1b2;client_id=-", StartedBy.operator(Optional.of("a1b2"), Optional.empty()).format());
        assertEquals("sub=-;client_id=c", StartedBy.operator(Optional.of("  "), Optional.of("c")).format());
        assertEquals("-", StartedBy.parse("sub=a1b2;client_id=-").orElseThrow().clientId());
    }

    static VerifiedToken operatorToken(JWTClaimsSet.Builder claims) {
        return new VerifiedToken("a.b.c", claims.build(), Set.of(AuthSettings.ADMIN_ROLE));
    }

    @Test
    void theOperatorOfATokenIsItsSubAndClientIdElseAzp() {
        assertEquals("sub=alice;client_id=console", StartedBy.of(operatorToken(
                new JWTClaimsSet.Builder().subject("alice").claim("client_id", "console").claim("azp", "other"))).format());
        assertEquals("sub=bob;client_id=entra-app", StartedBy.of(operatorToken(
                new JWTClaimsSet.Builder().subject("bob").claim("azp", "entra-app"))).format());
        assertEquals("sub=carol;client_id=-", StartedBy.of(operatorToken(new JWTClaimsSet.Builder().subject("carol"))).format());
        assertEquals("sub=-;client_id=-", StartedBy.of(VerifiedToken.NONE).format());
    }

    @Test
    void theScheduleIsWrittenSchedule() {
        assertEquals("schedule", StartedBy.SCHEDULE.format());
        assertEquals(Optional.of(StartedBy.SCHEDULE), StartedBy.parse("schedule"));
    }

    @Test
    void separatorsControlCharactersAndPercentInValuesAreEncodedAndComeBack() {
        StartedBy tricky = StartedBy.operator(Optional.of("a;client_id=evil\nforged=1%"), Optional.of("c\u2028d"));
        String text = tricky.format();
        assertEquals("sub=a%3Bclient_id%3Devil%0Aforged%3D1%25;client_id=c%E2%80%A8d", text);
        assertEquals(Optional.of(tricky), StartedBy.parse(text));
        StartedBy plainUnicode = StartedBy.operator(Optional.of("ærlig"), Optional.of("klient"));
        assertEquals("sub=ærlig;client_id=klient", plainUnicode.format());
        assertEquals(Optional.of(plainUnicode), StartedBy.parse(plainUnicode.format()));
    }

    @Test
    void valuesAreCutToTheLimit() {
        StartedBy long_ = StartedBy.operator(Optional.of("x".repeat(1000)), Optional.of("c"));
        assertEquals(StartedBy.MAX_LENGTH, long_.sub().length());
    }

    @Test
    void whatIsNotTheFormatDoesNotParse() {
        for (String bad : new String[] {"", "admin", "sub=a", "client_id=b;sub=a", "sub=a;client_id=", "sub=;client_id=b",
                "sub=a%2;client_id=b", "sub=a%ZZ;client_id=b", "sub=a\n;client_id=b", "Schedule"}) {
            assertFalse(StartedBy.parse(bad).isPresent(), bad);
        }
        assertFalse(StartedBy.parse(null).isPresent());
    }

    @Test
    void readAndWrittenAsTheJobParameterStartedBy() {
        Properties parameters = StartedBy.operator(Optional.of("s"), Optional.of("c")).addTo(new Properties());
        assertEquals("sub=s;client_id=c", parameters.getProperty("startedBy"));
        assertEquals("s", StartedBy.of(parameters).orElseThrow().sub());
        assertTrue(StartedBy.of(new Properties()).isEmpty());
        assertTrue(StartedBy.of((Properties) null).isEmpty());
    }
}
