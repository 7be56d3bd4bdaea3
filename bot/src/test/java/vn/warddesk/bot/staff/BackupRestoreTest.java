package vn.warddesk.bot.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import vn.warddesk.bot.cases.Cases;
import vn.warddesk.bot.store.Database;
import vn.warddesk.bot.store.DbSettings;
import vn.warddesk.bot.testing.DebianMariaDb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's backup and restore scripts (deploy/debian/warddesk-backup.sh, warddesk-restore.sh) against Debian's
 * MariaDB with the least-privilege user of deploy/debian/database.sql: cases written through the engine's code are all
 * there again after a backup, a wiped data directory and a restore. Runs when Debian's mariadb-server and
 * mariadb-backup are installed ({@code ./warddesk test} installs them when it can); skipped otherwise.
 */
@EnabledIf("vn.warddesk.bot.testing.DebianMariaDb#installed")
class BackupRestoreTest {
    private static final String PASSWORD = "backupTest4711";
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void every_case_is_found_again_after_backup_wipe_and_restore() throws Exception {
        Path dir = Path.of("target/backup-restore-test").toAbsolutePath();
        try (DebianMariaDb server = DebianMariaDb.create(dir.resolve("server"), freePort())) {
            server.sql(Files.readString(REPO.resolve("deploy/debian/database.sql")).replace("@@PASSWORD@@", PASSWORD));
            Map<String, Cases.Case> written = new LinkedHashMap<>();
            try (HikariDataSource pool = pool(server)) {
                // The application user's rights are enough for every migration (tables, indexes, triggers).
                Database.migrate(pool);
                EngineCases engine = new EngineCases(pool);
                Cases cases = new Cases(pool, "PH", java.time.ZoneId.of("Asia/Ho_Chi_Minh"),
                        vn.warddesk.bot.conversation.ConversationLog.access(vn.warddesk.bot.outbox.Outbox.QUEUE));
                for (int i = 0; i < 12; i++) {
                    EngineCases.Created created = i % 3 == 2
                            ? engine.handoff("demo-hoa-an", "zalo", "cần gặp cán bộ " + i)
                            : engine.request("demo-hoa-an", "telegram", "birth_registration",
                                             Map.of("contact_name", "Nguyễn Văn " + i), "đăng ký khai sinh " + i);
                    written.put(created.code(), cases.byCode(created.code()).orElseThrow());
                }
            }

            String backup = lastLine(run(dir.resolve("backup.log"), Map.of(
                    "MARIADB_BACKUP_CONNECT", "--user=root --socket=" + server.socket()),
                    REPO.resolve("deploy/debian/warddesk-backup.sh").toString(), dir.resolve("backups").toString()));
            server.stop();
            DebianMariaDb.deleteRecursively(server.dataDir());
            run(dir.resolve("restore.log"), Map.of(), REPO.resolve("deploy/debian/warddesk-restore.sh").toString(),
                backup, "--datadir", server.dataDir().toString(), "--owner", System.getProperty("user.name"),
                "--no-services");
            server.start();

            try (HikariDataSource pool = pool(server)) {
                Cases cases = new Cases(pool, "PH", java.time.ZoneId.of("Asia/Ho_Chi_Minh"),
                        vn.warddesk.bot.conversation.ConversationLog.access(vn.warddesk.bot.outbox.Outbox.QUEUE));
                List<String> missing = new ArrayList<>();
                for (Map.Entry<String, Cases.Case> entry : written.entrySet()) {
                    cases.byCode(entry.getKey()).ifPresentOrElse(
                            found -> assertEquals(entry.getValue(), found, "case " + entry.getKey() + " restored as written"),
                            () -> missing.add(entry.getKey()));
                }
                assertTrue(missing.isEmpty(), "cases missing after the restore: " + missing);
                assertEquals(12, written.size());
            }
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static HikariDataSource pool(DebianMariaDb server) {
        return Database.pool(server.jdbcUrl("warddesk"), "warddesk", PASSWORD,
                             new DbSettings(Optional.empty(), "warddesk", PASSWORD, Path.of("unused"), 0, "warddesk", 4,
                                            Duration.ofSeconds(5)));
    }

    /** Runs a script, fails the test with its output when it fails; returns the output. */
    private static String run(Path log, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), command[0] + " finished in time");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), command[0] + " failed:\n" + output);
        return output;
    }

    private static String lastLine(String output) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        return lines.get(lines.size() - 1).trim();
    }
}
