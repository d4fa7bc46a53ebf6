package no.krr.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The datasource behind {@link Database}: H2's or PostgreSQL's own, chosen by the URL. It is
 * deliberately <em>not</em> XA: no transaction of the service ever spans two resources (a batch
 * chunk's own writes commit in a transaction of their own before the runtime's checkpoint, see
 * docs/design.md, "No two-phase commit"), so PostgreSQL needs no prepared transactions.
 *
 * <p>Why a class of our own: Payara reads a {@code @DataSourceDefinition}'s class name before it
 * resolves MicroProfile Config expressions, so the class name must be fixed, while the database is
 * chosen by {@code krr.datasource.url} at run time. This class only delegates.
 */
public class KrrDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private volatile DataSource delegate;

    public void setUrl(String url) {
        this.url = url;
    }

    public void setURL(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getUser() {
        return user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /**
     * H2 refuses a file path that is implicitly relative ({@code jdbc:h2:file:krr-data/krr}); a
     * relative {@code krr.data-dir} means relative to the working directory, so say so explicitly.
     */
    static String withAbsoluteFilePath(String url) {
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) {
            return url;
        }
        String rest = url.substring(prefix.length());
        int options = rest.indexOf(';');
        String path = options < 0 ? rest : rest.substring(0, options);
        if (path.startsWith("~") || java.nio.file.Path.of(path).isAbsolute()) {
            return url;
        }
        String absolute = java.nio.file.Path.of(path).toAbsolutePath().normalize().toString();
        return prefix + absolute + (options < 0 ? "" : rest.substring(options));
    }

    static boolean isPostgres(String url) {
        return url != null && url.startsWith("jdbc:postgresql:");
    }

    private DataSource delegate() {
        DataSource current = delegate;
        if (current == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = create();
                }
                current = delegate;
            }
        }
        return current;
    }

    private DataSource create() {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("krr.datasource.url is not set");
        }
        if (isPostgres(url)) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setUrl(url);
            pg.setUser(user);
            pg.setPassword(password);
            return pg;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(withAbsoluteFilePath(url));
        h2.setUser(user);
        h2.setPassword(password);
        return h2;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return delegate().getConnection(user, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("no.krr.platform");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return delegate().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate().isWrapperFor(type);
    }
}
