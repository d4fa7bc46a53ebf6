package no.krr.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.krr.sandbox.LocalService;
import org.junit.jupiter.api.Test;

/**
 * An admin issuer equal to the ID-porten issuer would let every citizen through the admin door: the
 * deployment fails with a message that says why, and the service never becomes ready. (A process,
 * not an Arquillian deployment: Arquillian would fail the class on the failed deployment.)
 */
class AdminIssuerRefusedIT {

    static final String REFUSAL = "krr.admin.issuer is the ID-porten issuer (mp.jwt.verify.issuer)";

    @Test
    void theDeploymentFailsWithAClearError() throws Exception {
        try (ProcessNodes nodes = new ProcessNodes("refused")) {
            LocalService node = nodes.launch("refused", Map.of(
                    "krr.admin.issuer", nodes.world.idportenIssuer() + "/",
                    "krr.admin.jwks", nodes.world.idportenJwksUrl()), List.of("--nocluster"), Map.of());
            Path log = nodes.logOf("refused");
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            String text = "";
            // Payara Micro reports the failed application, then says it is up (without it)
            while (Instant.now().isBefore(deadline) && !(text.contains(REFUSAL) && text.contains(" ready in "))) {
                Thread.sleep(500);
                text = Files.isRegularFile(log) ? Files.readString(log) : "";
            }
            assertTrue(text.contains(REFUSAL), "the refusal is logged; log: " + log);
            assertNotEquals(200, given().baseUri(node.baseUrl()).get("/health/ready").statusCode(), "the service is not up");
        }
    }
}
