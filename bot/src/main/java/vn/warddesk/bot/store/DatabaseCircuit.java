package vn.warddesk.bot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

/**
 * Whether the database is known to be unreachable. Once a request fails for want of a connection (after the pool's
 * connect timeout), the circuit opens: every request that needs the database is answered 503 at once, without
 * waiting for that timeout again, while one virtual thread probes the database every second and closes the circuit
 * as soon as it answers. Readiness (/observe/health) reports the same state.
 */
public final class DatabaseCircuit {
    private static final System.Logger LOGGER = System.getLogger(DatabaseCircuit.class.getName());
    private static final long PROBE_MILLIS = 1_000;

    private final DataSource dataSource;
    private final AtomicBoolean open = new AtomicBoolean();

    public DatabaseCircuit(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True while the database is known to be unreachable. */
    public boolean isOpen() {
        return open.get();
    }

    /** Called with every store failure: opens the circuit when it says the database cannot be reached. */
    public void failed(Throwable error) {
        if (unreachable(error) && open.compareAndSet(false, true)) {
            LOGGER.log(System.Logger.Level.WARNING, "database unreachable: answering 503 at once until it is back");
            Thread.ofVirtual().name("database-probe").start(this::probe);
        }
    }

    /** True when the answer could be had: the database answers a validation query now. */
    public boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void probe() {
        while (open.get()) {
            try {
                Thread.sleep(PROBE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (answers()) {
                open.set(false);
                LOGGER.log(System.Logger.Level.INFO, "database reachable again");
            }
        }
    }

    static boolean unreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                || (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
