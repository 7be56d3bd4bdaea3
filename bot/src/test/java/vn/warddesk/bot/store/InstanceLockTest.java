package vn.warddesk.bot.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lock is an OS file lock: these tests hold it in one process and try it from another. */
class InstanceLockTest {
    private static final Path BASE = Path.of(System.getProperty("warddesk.test.dir", "target"),
                                             "instance-lock-" + ProcessHandle.current().pid());

    /** Run in a child JVM: tries to take the lock, prints the outcome, then holds it until killed when asked to. */
    public static void main(String[] args) throws Exception {
        try {
            InstanceLock lock = InstanceLock.acquire(Path.of(args[0]));
            lock.announce("9999");
            System.out.println("ACQUIRED");
            System.out.flush();
            if (args.length > 1) {
                Thread.sleep(Long.MAX_VALUE);
            }
        } catch (StoreException e) {
            System.out.println(e.getMessage());
        }
    }

    private static Process child(Path dir, boolean hold) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                InstanceLockTest.class.getName(), dir.toAbsolutePath().toString()));
        if (hold) {
            command.add("hold");
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String firstLine(Process process) throws IOException {
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                                                                                   StandardCharsets.UTF_8))) {
            return reader.readLine();
        }
    }

    @Test
    void another_process_is_told_who_owns_the_directory_and_where_it_answers() throws Exception {
        Path dir = BASE.resolve("owned");
        try (InstanceLock lock = InstanceLock.acquire(dir)) {
            lock.announce("8080");
            Process other = child(dir, false);
            assertEquals("WardDesk is already running (pid " + ProcessHandle.current().pid() + ", port 8080)",
                         firstLine(other));
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void a_killed_owner_leaves_the_directory_free_for_the_next_start() throws Exception {
        Path dir = BASE.resolve("killed");
        Process owner = child(dir, true);
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ACQUIRED", reader.readLine());
        String refused;
        try {
            InstanceLock.acquire(dir).close();
            refused = "";
        } catch (StoreException e) {
            refused = e.getMessage();
        }
        assertEquals("WardDesk is already running (pid " + owner.pid() + ", port 9999)", refused);

        owner.destroyForcibly();
        assertTrue(owner.waitFor(30, TimeUnit.SECONDS));
        try (InstanceLock lock = InstanceLock.acquire(dir)) {
            assertTrue(Files.readString(dir.resolve("warddesk.pid")).startsWith(ProcessHandle.current().pid() + " "));
        }
    }
}
