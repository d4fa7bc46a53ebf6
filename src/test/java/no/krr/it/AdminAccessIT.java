package no.krr.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URL;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.krr.testdouble.AgencyIdp;
import no.krr.testdouble.DemoData;
import no.krr.testdouble.IdPorten;
import no.krr.testdouble.OutsideWorld;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every door of the admin API over real HTTP: only tokens of the admin issuer, with its audience and
 * the admin scope (in scope, scp or roles), and never one that names a person; the admin issuer's
 * tokens are no good on the user API; junk key ids and wrong claim types are 401, never 503; and a
 * job report says who started, stopped and restarted it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminAccessIT {

    static final String PID = "23079421936";
    static final String AUDIT = "/admin/v1/persons/" + PID + "/audit";

    static OutsideWorld world;

    @Deployment
    static WebArchive deployment() {
        world = OutsideWorld.start();
        return ServiceDeployment.war(world, Map.of());
    }

    @ArquillianResource
    URL deployed;

    String base;

    @AfterAll
    static void stopWorld() {
        if (world != null) {
            world.close();
        }
    }

    @BeforeEach
    void setUp() {
        base = ServiceDeployment.baseUri(deployed);
    }

    static AgencyIdp agency() {
        return world.agency();
    }

    static IdPorten idporten() {
        return world.idporten();
    }

    Response admin(String token) {
        return given().baseUri(base).auth().oauth2(token).get(AUDIT);
    }

    void assertInvalidToken(Response response) {
        response.then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""))
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void aGoodAdminTokenOpensTheAdminApi() {
        admin(agency().token().mint()).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void theScopeCountsInScpAsArrayOrStringAndInRoles() {
        admin(agency().token().without("scope").claim("scp", List.of("openid", AgencyIdp.ADMIN_SCOPE)).mint()).then().statusCode(200);
        admin(agency().token().without("scope").claim("scp", "openid " + AgencyIdp.ADMIN_SCOPE).mint()).then().statusCode(200);
        admin(agency().token().without("scope").claim("roles", List.of(AgencyIdp.ADMIN_SCOPE)).mint()).then().statusCode(200);
    }

    @Test
    void aCitizenTokenWithTheAdminScopeIsRefused() {
        assertInvalidToken(admin(idporten().adminToken().mint()));
        assertInvalidToken(admin(idporten().adminToken().audience(AgencyIdp.DEFAULT_AUDIENCE).mint()));
        assertInvalidToken(admin(idporten().token(PID).scope(AgencyIdp.ADMIN_SCOPE).mint()));
    }

    @Test
    void aWrongOrMissingAudienceIsRefused() {
        assertInvalidToken(admin(agency().token().audience("https://other-api.example").mint()));
        assertInvalidToken(admin(agency().token().without("aud").mint()));
    }

    @Test
    void withoutTheScopeTheCallIsForbidden() {
        admin(agency().token().scope("openid", "krr:admin.read").mint()).then().statusCode(403)
                .header("WWW-Authenticate", startsWith("Bearer error=\"insufficient_scope\""))
                .contentType("application/problem+json");
        admin(agency().token().scope().mint()).then().statusCode(403);
    }

    @Test
    void anAdminIssuerTokenThatNamesAPersonIsForbidden() {
        Response response = admin(agency().token().pid(PID).mint());
        response.then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        assertFalse(response.asString().contains(PID), "the national id in the error body");
    }

    @Test
    void anAdminIssuerTokenIsNoGoodOnTheUserApi() {
        assertInvalidToken(given().baseUri(base).auth().oauth2(agency().token().mint()).get("/rest/v1/person"));
        assertInvalidToken(given().baseUri(base).auth().oauth2(
                agency().token().pid(PID).scopes(IdPorten.USER_SCOPES).acr(IdPorten.ACR_SUBSTANTIAL).mint()).get("/rest/v1/person"));
    }

    @Test
    void junkTokensWithMadeUpKidsAreRejectedEveryTimeNever503() throws Exception {
        admin(agency().token().mint()).then().statusCode(200);
        given().baseUri(base).auth().oauth2(idporten().token(PID).mint()).get("/rest/v1/person");
        for (int i = 0; i < 30; i++) {
            assertInvalidToken(admin(agency().token().unknownKid().mint()));
            assertInvalidToken(given().baseUri(base).auth().oauth2(idporten().token(PID).unknownKid().mint()).get("/rest/v1/person"));
        }
        admin(agency().token().mint()).then().statusCode(200);
        assertFalse(ServerLog.text().contains("Cannot check access tokens"), "a junk token counted as a key-source failure");
    }

    @Test
    void claimsOfTheWrongJsonTypeAreRefused() {
        assertInvalidToken(given().baseUri(base).auth().oauth2(
                idporten().token().claim("pid", Long.parseLong(PID)).mint()).get("/rest/v1/person"));
        assertInvalidToken(given().baseUri(base).auth().oauth2(
                idporten().token(PID).claim("scope", IdPorten.USER_SCOPES).mint()).get("/rest/v1/person"));
        assertInvalidToken(admin(agency().token().claim("scope", List.of(AgencyIdp.ADMIN_SCOPE)).mint()));
        assertInvalidToken(admin(agency().token().without("scope").claim("roles", AgencyIdp.ADMIN_SCOPE).mint()));
        assertInvalidToken(admin(agency().token().claim("client_id", 42).mint()));
    }

    @Test
    void readingAnAuditTrailIsLoggedWithWhoAndTheIdMasked() throws Exception {
        admin(agency().token().subject("auditor-7").clientId("audit-console").mint()).then().statusCode(200);
        String log = ServerLog.text();
        assertTrue(log.contains("Audit trail of 230794***** read by sub=auditor-7;client_id=audit-console"), "the read is logged");
        assertFalse(log.contains(PID), "the national id in clear in the log");
    }

    @Test
    void aJobReportSaysWhoStartedStoppedAndRestartedIt() {
        AdminClient starter = new AdminClient(base, agency().token().subject("alice").clientId("console").mint());
        String stopper = agency().token().subject("bob").without("client_id").claim("azp", "entra-app").mint();
        String restarter = agency().token().subject("carol").without("client_id").mint();
        String ndjson = DemoData.lines(30_000, Clock.systemUTC()).collect(Collectors.joining("\n"));
        Response started = starter.postImport(ndjson);
        started.then().statusCode(202).body("startedBy", equalTo("sub=alice;client_id=console"));
        String location = started.getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        long deadline = System.currentTimeMillis() + 60_000;
        while (AdminClient.done(starter.status(location)) == 0 && System.currentTimeMillis() < deadline) {
            AdminClient.sleep(20);
        }
        given().baseUri(base).auth().oauth2(stopper).post(location + "/stop").then().statusCode(202);
        assertEquals("STOPPED", starter.awaitEnd(location).getString("status"));
        Response restarted = given().baseUri(base).auth().oauth2(restarter).post(location + "/restart");
        restarted.then().statusCode(202);
        JsonPath done = starter.awaitEnd(restarted.getHeader("Location"));
        long next = done.getLong("id");

        for (JsonPath report : List.of(done, starter.status(location))) {
            assertEquals("sub=alice;client_id=console", report.getString("startedBy"), "a restart keeps who started the job");
            assertEquals(List.of("STOP", "RESTART"), report.getList("history.action"), report.prettify());
            assertEquals(List.of("sub=bob;client_id=entra-app", "sub=carol;client_id=-"), report.getList("history.by"));
            assertEquals(List.of(id, id), report.getList("history.execution", Long.class));
            assertEquals(next, report.getLong("history[1].newExecution"));
            assertTrue(report.getString("history[0].at").endsWith("Z"), report.getString("history[0].at"));
        }
    }
}
