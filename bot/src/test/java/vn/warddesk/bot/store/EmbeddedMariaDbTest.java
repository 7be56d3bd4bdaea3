package vn.warddesk.bot.store;

import java.util.List;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddedMariaDbTest {
    /*
     * One directory for both tests, in either order: each test leaves the directory stopped and unlocked, and a start
     * on a directory that already holds the unpacked server skips the 350 MB unpack and the creation of the system
     * tables, which a second new directory paid again (the larger part of this class's time).
     */
    private static final Path DIR = Path.of(System.getProperty("warddesk.test.dir", "target"),
                                            "embedded-" + ProcessHandle.current().pid());

    @Test
    void data_survives_a_restart_and_a_server_left_running_by_a_crash_is_taken_over() throws Exception {
        EmbeddedMariaDb first = EmbeddedMariaDb.start(DIR, 0, TestDatabase.START_TIMEOUT, List.of());
        String url = first.createDatabase("persist");
        try (Connection connection = DriverManager.getConnection(url, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (note VARCHAR(50)) DEFAULT CHARSET utf8mb4");
            statement.execute("INSERT INTO kept VALUES ('Hòa Cường')");
        }
        // Like a JVM killed with SIGKILL: the OS drops the lock, the server keeps running and holds the data directory.
        first.releaseLockOnly();
        EmbeddedMariaDb second = EmbeddedMariaDb.start(DIR, 0, TestDatabase.START_TIMEOUT, List.of());
        try {
            String again = second.createDatabase("persist");
            try (Connection connection = DriverManager.getConnection(again, "root", "");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT note FROM kept")) {
                rows.next();
                assertEquals("Hòa Cường", rows.getString(1));
            }
        } finally {
            second.close();
        }
    }

    @Test
    void a_second_start_on_a_directory_owned_by_a_live_instance_is_refused_before_touching_the_server() throws Exception {
        EmbeddedMariaDb owner = EmbeddedMariaDb.start(DIR, 0, TestDatabase.START_TIMEOUT, List.of());
        try {
            owner.announce(18080);
            String url = owner.createDatabase("owned");
            StoreException refused = assertThrows(StoreException.class, () -> EmbeddedMariaDb.start(DIR, 0));
            assertEquals("WardDesk is already running (pid " + ProcessHandle.current().pid() + ", port 18080)",
                         refused.getMessage());
            // The owner's server was left alone: it still answers.
            try (Connection connection = DriverManager.getConnection(url, "root", "");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT 1")) {
                rows.next();
                assertEquals(1, rows.getInt(1));
            }
        } finally {
            owner.close();
        }
        // After a clean stop the directory is free again (its lock can be taken; no need to start a third server).
        InstanceLock.acquire(DIR.toAbsolutePath()).close();
    }
}
