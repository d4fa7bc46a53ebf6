package no.krr.platform;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives {@code krr.datasource.class-name} from {@code krr.datasource.url}, so that an operator
 * names only the URL (contract §1). A config source of lowest ordinal, so an explicit value wins.
 *
 * <p>It reads the URL from the system property or the environment variable directly: a config
 * source cannot ask the Config it belongs to without recursion. The URL from
 * {@code microprofile-config.properties} is the H2 default, which needs no override here.
 */
public class DatasourceDefaults implements ConfigSource {

    static final String CLASS_NAME_KEY = "krr.datasource.class-name";
    static final String H2 = "org.h2.jdbcx.JdbcDataSource";
    static final String POSTGRESQL = "org.postgresql.ds.PGSimpleDataSource";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(CLASS_NAME_KEY);
    }

    @Override
    public String getValue(String propertyName) {
        if (!CLASS_NAME_KEY.equals(propertyName)) {
            return null;
        }
        return classNameFor(configuredUrl().orElse(""));
    }

    static String classNameFor(String url) {
        return url.startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
    }

    private static Optional<String> configuredUrl() {
        return Optional.ofNullable(System.getProperty("krr.datasource.url"))
                .or(() -> Optional.ofNullable(System.getenv("KRR_DATASOURCE_URL")))
                .filter(url -> !url.isBlank());
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(CLASS_NAME_KEY, getValue(CLASS_NAME_KEY));
    }

    @Override
    public int getOrdinal() {
        return 1;
    }

    @Override
    public String getName() {
        return "krr-datasource-defaults";
    }
}
