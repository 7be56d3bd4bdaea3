package vn.warddesk.bot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 3-node MariaDB Galera cluster on 127.0.0.1 from Debian's {@code mariadb-server} and {@code galera-4}, for
 * {@link ClusterFaultRun}. Settings and pitfalls from shared/spec/galera.md: one folder, socket, port, IST and SST port
 * per node; mariabackup SST; after a kill -9 the node's position is recovered with {@code --wsrep-recover} and given
 * back with {@code --wsrep_start_position}, so it rejoins with IST instead of a full copy.
 */
final class GaleraNodes implements AutoCloseable {
    static final String PROVIDER = "/usr/lib/galera/libgalera_smm.so";
    private static final Pattern RECOVERED = Pattern.compile("Recovered position:\\s*([0-9a-f-]{36}:-?\\d+)");

    private final Path dir;
    private final int basePort;
    private final Process[] processes = new Process[3];

    /**
     * @param dir      folder for the nodes' files (wiped first)
     * @param basePort node N listens for SQL on basePort+N, Galera on basePort+100+N, IST +200+N, SST +300+N
     */
    GaleraNodes(Path dir, int basePort) {
        this.dir = dir;
        this.basePort = basePort;
    }

    int sqlPort(int node) {
        return basePort + node;
    }

    List<Integer> allPorts() {
        List<Integer> ports = new ArrayList<>();
        for (int node = 1; node <= 3; node++) {
            for (int offset : new int[] {0, 100, 200, 300}) {
                ports.add(basePort + offset + node);
            }
        }
        return ports;
    }

    /** Creates node 1, bootstraps the cluster on it, lets nodes 2 and 3 join by SST; returns when all 3 are Synced. */
    Duration start() throws IOException, InterruptedException {
        Instant begin = Instant.now();
        vn.warddesk.bot.testing.DebianMariaDb.deleteRecursively(dir);
        for (int node = 1; node <= 3; node++) {
            Files.createDirectories(nodeDir(node).resolve("data"));
            Files.createDirectories(nodeDir(node).resolve("tmp"));
            Files.writeString(nodeDir(node).resolve("my.cnf"), config(node));
        }
        List<String> install = new ArrayList<>(List.of("mariadb-install-db", "--defaults-file=" + cnf(1), "--skip-test-db"));
        if ("root".equals(System.getProperty("user.name"))) {
            install.add("--user=root");
        }
        run(install, nodeDir(1).resolve("install.log"), Duration.ofMinutes(2));
        launch(1, List.of("--wsrep-new-cluster"));
        awaitSynced(1, Duration.ofSeconds(60));
        launch(2, List.of());
        awaitSynced(2, Duration.ofSeconds(120));
        launch(3, List.of());
        awaitSynced(3, Duration.ofSeconds(120));
        return Duration.between(begin, Instant.now());
    }

    /** Runs SQL as root over node's socket; returns the output lines (tab-separated columns, no headers). */
    List<String> sql(int node, String sql) throws IOException, InterruptedException {
        Path out = nodeDir(node).resolve("client.out");
        ProcessBuilder builder = new ProcessBuilder("mariadb", "--no-defaults", "--socket=" + socket(node), "-uroot",
                                                    "-N", "-B", "--connect-timeout=3", "-e", sql)
                .redirectErrorStream(true).redirectOutput(out.toFile());
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("mariadb client on node " + node + " timed out");
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("node " + node + ": " + String.join(" ", lines));
        }
        return lines;
    }

    /** The node's wsrep state ("Synced", "Joined", "Donor/Desynced"…) and cluster size, or empty when it does not answer. */
    Optional<String> state(int node) {
        try {
            List<String> lines = sql(node, "SHOW STATUS WHERE Variable_name IN"
                                           + " ('wsrep_local_state_comment', 'wsrep_cluster_size', 'wsrep_ready')");
            return Optional.of(String.join(" ", lines).replace('\t', '='));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    boolean alive(int node) {
        return processes[node - 1] != null && processes[node - 1].isAlive();
    }

    /** kill -9 of the node's mariadbd. */
    void kill(int node) throws InterruptedException {
        Process process = processes[node - 1];
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * Restarts a killed node: recovers its last committed position, starts it with that position (IST from a donor)
     * and waits until it is Synced again; returns how long that took.
     */
    Duration rejoin(int node) throws IOException, InterruptedException {
        Instant begin = Instant.now();
        Path recoverLog = nodeDir(node).resolve("recover.log");
        Files.deleteIfExists(recoverLog);
        run(new ArrayList<>(List.of("mariadbd", "--defaults-file=" + cnf(node), "--wsrep-recover",
                                    "--log-error=" + recoverLog)),
            nodeDir(node).resolve("recover.out"), Duration.ofMinutes(2));
        String log = Files.exists(recoverLog) ? Files.readString(recoverLog) : "";
        Matcher matcher = RECOVERED.matcher(log);
        String position = null;
        while (matcher.find()) {
            position = matcher.group(1);
        }
        launch(node, position == null ? List.of() : List.of("--wsrep_start_position=" + position));
        awaitSynced(node, Duration.ofSeconds(120));
        return Duration.between(begin, Instant.now());
    }

    private void awaitSynced(int node, Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!alive(node)) {
                throw new IOException("node " + node + " exited; see " + nodeDir(node).resolve("error.log"));
            }
            Optional<String> state = state(node);
            if (state.isPresent() && state.get().contains("wsrep_local_state_comment=Synced")
                && state.get().contains("wsrep_ready=ON")) {
                return;
            }
            Thread.sleep(300);
        }
        throw new IOException("node " + node + " not Synced within " + limit + "; see " + nodeDir(node).resolve("error.log"));
    }

    private void launch(int node, List<String> extra) throws IOException {
        List<String> command = new ArrayList<>(List.of("mariadbd", "--defaults-file=" + cnf(node)));
        command.addAll(extra);
        processes[node - 1] = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(nodeDir(node).resolve("stdout.log").toFile()))
                .start();
    }

    private static void run(List<String> command, Path log, Duration limit) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish within " + limit + "; see " + log);
        }
        if (process.exitValue() != 0 && !command.contains("--wsrep-recover")) {
            throw new IOException(command.get(0) + " failed (exit " + process.exitValue() + "); see " + log);
        }
    }

    private String config(int node) {
        String root = "root".equals(System.getProperty("user.name")) ? "user=root\n" : "";
        String home = nodeDir(node).toAbsolutePath().toString();
        StringBuilder gcomm = new StringBuilder();
        for (int n = 1; n <= 3; n++) {
            gcomm.append(n == 1 ? "" : ",").append("127.0.0.1:").append(basePort + 100 + n);
        }
        return """
                [mysqld]
                %sdatadir=%s/data
                tmpdir=%s/tmp
                socket=%s
                pid-file=%s/mariadbd.pid
                log-error=%s/error.log
                port=%d
                bind-address=127.0.0.1
                skip-name-resolve
                character-set-server=utf8mb4
                collation-server=utf8mb4_unicode_ci
                binlog_format=ROW
                default_storage_engine=InnoDB
                innodb_autoinc_lock_mode=2
                innodb_buffer_pool_size=64M
                innodb_log_file_size=32M
                innodb_flush_log_at_trx_commit=2
                performance_schema=OFF
                # Galera logs every write set: without this, CREATE TRIGGER (migration V6) needs SUPER.
                log_bin_trust_function_creators=ON
                max_connections=60
                wsrep_on=ON
                wsrep_provider=%s
                wsrep_cluster_name=warddesk-cluster-test
                wsrep_cluster_address=gcomm://%s
                wsrep_node_name=node%d
                wsrep_node_address=127.0.0.1:%d
                wsrep_node_incoming_address=127.0.0.1:%d
                wsrep_provider_options="base_host=127.0.0.1;base_port=%d;gmcast.listen_addr=tcp://127.0.0.1:%d;ist.recv_addr=127.0.0.1:%d;gcache.size=64M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;evs.keepalive_period=PT1S"
                wsrep_sst_method=mariabackup
                wsrep_sst_receive_address=127.0.0.1:%d
                wsrep_sst_auth=root:

                [mariadb-backup]
                socket=%s
                """.formatted(root, home, home, socket(node), home, home, sqlPort(node), PROVIDER, gcomm, node,
                              basePort + 100 + node, sqlPort(node), basePort + 100 + node, basePort + 100 + node,
                              basePort + 200 + node, basePort + 300 + node, socket(node));
    }

    private Path nodeDir(int node) {
        return dir.resolve("node" + node);
    }

    private String cnf(int node) {
        return nodeDir(node).resolve("my.cnf").toAbsolutePath().toString();
    }

    private String socket(int node) {
        // Unix socket paths are limited to 107 bytes: keep them short, outside the (possibly deep) work tree.
        return "/tmp/warddesk-galera-" + basePort + "-" + node + ".sock";
    }

    /** Stops every node still running (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() {
        for (Process process : processes) {
            if (process != null && process.isAlive()) {
                process.destroy();
            }
        }
        for (Process process : processes) {
            if (process == null) {
                continue;
            }
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
