package no.krr.it;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import no.krr.testdouble.AgencyIdp;
import no.krr.testdouble.OutsideWorld;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive the container tests deploy: the real WAR as Maven built it, plus a config jar that
 * points it at the test double of the outside world (ID-porten for the user API, the agency's
 * identity provider as the admin issuer) and at a fresh data directory (and, with
 * {@code -Dkrr.it.postgres=jdbc:postgresql://host:port/}, at a fresh PostgreSQL database). Each test
 * class deploys it once; Payara Micro boots once per class, so group tests by class.
 */
public final class ServiceDeployment {

    private ServiceDeployment() {
    }

    /** The built WAR with settings of higher ordinal than its own defaults. */
    public static WebArchive war(OutsideWorld world, Map<String, String> extraConfig) {
        File built = new File(System.getProperty("krr.it.war", "target/krr-person.war"));
        if (!built.isFile()) {
            throw new IllegalStateException("Package the WAR first (mvn verify): " + built);
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("config_ordinal", "500");
        config.put("krr.data-dir", dataDir().toString());
        config.put("mp.jwt.verify.issuer", world.idportenIssuer());
        config.put("mp.jwt.verify.publickey.location", world.idportenJwksUrl());
        config.put("krr.admin.issuer", world.agencyIssuer());
        config.put("krr.admin.jwks", world.agencyJwksUrl());
        config.put("krr.admin.audience", AgencyIdp.DEFAULT_AUDIENCE);
        String postgres = System.getProperty("krr.it.postgres", "");
        if (!postgres.isBlank()) {
            config.put("krr.datasource.url", TestDatabases.fresh(postgres));
            config.put("krr.datasource.user", TestDatabases.USER);
            config.put("krr.datasource.password", "");
        }
        config.putAll(extraConfig);
        String properties = config.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "", "\n"));
        JavaArchive configJar = ShrinkWrap.create(JavaArchive.class, "it-config.jar")
                .addAsManifestResource(new StringAsset(properties), "microprofile-config.properties");
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(built).as(WebArchive.class)
                .addAsLibrary(configJar);
    }

    /** The base URI of the deployed service on the loopback address (Arquillian may name another). */
    public static String baseUri(URL deployed) {
        return "http://127.0.0.1:" + deployed.getPort();
    }

    private static Path dataDir() {
        try {
            return Files.createTempDirectory("krr-it-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
