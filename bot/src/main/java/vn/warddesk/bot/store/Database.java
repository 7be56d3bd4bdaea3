package vn.warddesk.bot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The service's MariaDB: an external server when {@code db.url} is set, otherwise the embedded one;
 * a HikariCP pool over it, with the schema migrated by Flyway before anything else uses it.
 */
public final class Database implements AutoCloseable {
    private static final System.Logger LOGGER = System.getLogger(Database.class.getName());

    private final HikariDataSource pool;
    private final Optional<EmbeddedMariaDb> embedded;

    private Database(HikariDataSource pool, Optional<EmbeddedMariaDb> embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    /** Starts (if embedded), connects and migrates. Throws {@link StoreException} with a one-line reason. */
    public static Database open(DbSettings settings) {
        Optional<EmbeddedMariaDb> embedded = Optional.empty();
        String url;
        String user = settings.user();
        String password = settings.password();
        if (settings.embedded()) {
            EmbeddedMariaDb server = EmbeddedMariaDb.start(settings.embeddedDir(), settings.embeddedPort());
            embedded = Optional.of(server);
            url = server.createDatabase(settings.database());
            user = "root";
            password = "";
        } else {
            url = settings.url().orElseThrow();
            if (!url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:mysql:")) {
                throw new StoreException("db.url (WARDDESK_DB_URL) must be a MariaDB JDBC URL like"
                                         + " jdbc:mariadb://host:3306/warddesk, got a URL starting with '"
                                         + url.substring(0, Math.min(url.length(), 12)) + "'");
            }
        }
        try {
            HikariDataSource pool = pool(url, user, password, settings);
            migrate(pool);
            return new Database(pool, embedded);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedMariaDb::close);
            throw e;
        }
    }

    /** A pool for a URL, failing at once with a clear reason when the server cannot be reached. */
    public static HikariDataSource pool(String url, String user, String password, DbSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("warddesk");
        config.setJdbcUrl(withSessionDefaults(url));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(Math.max(250, settings.connectTimeout().toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(settings.connectTimeout().toMillis(), 2000)));
        config.setInitializationFailTimeout(Math.max(1, settings.connectTimeout().toMillis()));
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreException("cannot connect to the database at " + redact(url) + ": " + rootMessage(e), e);
        }
    }

    /** Applies the Flyway migrations under classpath db/migration. */
    public static void migrate(DataSource dataSource) {
        try {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOGGER.log(System.Logger.Level.INFO, "schema at version " + result.targetSchemaVersion
                                                 + " (" + result.migrationsExecuted + " migrations applied)");
        } catch (FlywayException e) {
            throw new StoreException("database migration failed: " + rootMessage(e), e);
        }
    }

    /** Tells a second start on the same embedded directory where this instance answers. */
    public void announce(int httpPort) {
        embedded.ifPresent(server -> server.announce(httpPort));
    }

    public DataSource dataSource() {
        return pool;
    }

    /** True when a connection can be had and answers within the validation timeout. */
    public boolean reachable() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
        embedded.ifPresent(EmbeddedMariaDb::close);
    }

    private static String withSessionDefaults(String url) {
        // Vietnamese text must round-trip byte-exact: force utf8mb4 on the session whatever the server default is.
        String withSession = url.contains("sessionVariables") ? url
                : url + (url.contains("?") ? "&" : "?")
                  + "sessionVariables=character_set_client=utf8mb4,character_set_results=utf8mb4,"
                  + "character_set_connection=utf8mb4,collation_connection=utf8mb4_unicode_ci,time_zone='+00:00'";
        // Server-side prepared statements: each statement is parsed once per connection and its values travel in
        // binary; on a quiet machine the webhook bench's CPU per update fell from 3.08 to 1.65 ms in this JVM and from
        // 2.57 to 1.81 ms in mariadbd (issue 13, docs/channels.md "Benchmark"). A URL that names the option keeps its
        // own choice.
        return withSession.contains("useServerPrepStmts") ? withSession : withSession + "&useServerPrepStmts=true";
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
