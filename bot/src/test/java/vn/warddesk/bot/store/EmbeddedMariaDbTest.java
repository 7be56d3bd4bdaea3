package vn.warddesk.bot.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EmbeddedMariaDbTest {
    private static final Path DIR = Path.of(System.getProperty("warddesk.test.dir", "target"),
                                            "embedded-restart-" + ProcessHandle.current().pid());

    @Test
    void data_survives_a_restart_and_a_server_left_running_by_a_crash_is_taken_over() throws Exception {
        EmbeddedMariaDb first = EmbeddedMariaDb.start(DIR, 0);
        String url = first.createDatabase("persist");
        try (Connection connection = DriverManager.getConnection(url, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (note VARCHAR(50)) DEFAULT CHARSET utf8mb4");
            statement.execute("INSERT INTO kept VALUES ('Hòa Cường')");
        }
        // No close(): like a JVM killed with SIGKILL, the server keeps running and holds the data directory.
        EmbeddedMariaDb second = EmbeddedMariaDb.start(DIR, 0);
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
}
