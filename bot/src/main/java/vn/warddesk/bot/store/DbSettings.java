package vn.warddesk.bot.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.helidon.config.Config;

/**
 * Database settings, read once from the {@code db} config section.
 *
 * @param url            JDBC URL of an external MariaDB; empty means "start the embedded one"
 * @param user           user for the external server
 * @param password       password for the external server
 * @param embeddedDir    where the embedded MariaDB keeps its binaries and data
 * @param embeddedPort   port of the embedded MariaDB (0 = any free port)
 * @param database       database (schema) name used on the embedded server
 * @param poolSize       maximum connections in the pool
 * @param connectTimeout how long a request waits for a connection before failing
 */
public record DbSettings(Optional<String> url,
                         String user,
                         String password,
                         Path embeddedDir,
                         int embeddedPort,
                         String database,
                         int poolSize,
                         Duration connectTimeout) {

    public static DbSettings from(Config db) {
        String url = db.get("url").asString().orElse("").trim();
        int poolSize = db.get("pool.size").asInt().get();
        long connectTimeout = db.get("pool.connect-timeout-ms").asLong().get();
        if (poolSize < 1 || connectTimeout < 1) {
            throw new StoreException("db.pool.size and db.pool.connect-timeout-ms must be positive");
        }
        return new DbSettings(url.isEmpty() ? Optional.empty() : Optional.of(url),
                              db.get("user").asString().orElse(""),
                              db.get("password").asString().orElse(""),
                              Path.of(db.get("embedded.dir").asString().get()),
                              db.get("embedded.port").asInt().get(),
                              db.get("embedded.database").asString().get(),
                              poolSize,
                              Duration.ofMillis(connectTimeout));
    }

    public boolean embedded() {
        return url.isEmpty();
    }
}
