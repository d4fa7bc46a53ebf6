package no.krr.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Map;
import no.krr.testdouble.OutsideWorld;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** No admin issuer configured: the admin API is closed to every token, the user API is not, and the log says how to open it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminClosedIT {

    static OutsideWorld world;

    @Deployment
    static WebArchive deployment() {
        world = OutsideWorld.start();
        // an empty value is an unset key in MicroProfile Config
        return ServiceDeployment.war(world, Map.of("krr.admin.issuer", "", "krr.admin.jwks", ""));
    }

    @ArquillianResource
    URL deployed;

    @AfterAll
    static void stopWorld() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void everyAdminCallIs401AndTheLogSaysHowToOpenIt() throws Exception {
        String base = ServiceDeployment.baseUri(deployed);
        for (String token : new String[] {world.agency().token().mint(), world.idporten().adminToken().mint()}) {
            given().baseUri(base).auth().oauth2(token).get("/admin/v1/persons/23079421936/audit")
                    .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""))
                    .contentType("application/problem+json").body("status", equalTo(401));
            given().baseUri(base).auth().oauth2(token).contentType("application/json").body("{\"mode\":\"VERIFY\"}")
                    .post("/admin/v1/reconciliations").then().statusCode(401);
        }
        given().baseUri(base).get("/admin/v1/jobs/1").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
        given().baseUri(base).auth().oauth2(world.idporten().token("23079421936").mint()).get("/rest/v1/person")
                .then().statusCode(not(equalTo(401)));
        String log = ServerLog.text();
        assertTrue(log.contains("The admin API is closed: krr.admin.issuer is not set"), "the closed admin API is logged at start");
    }
}
