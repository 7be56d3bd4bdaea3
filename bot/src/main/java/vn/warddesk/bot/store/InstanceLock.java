package vn.warddesk.bot.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Ownership of one embedded database directory: an OS file lock on {@code warddesk.lock}, held for as long as the
 * JVM that took it runs (the OS releases it when the process dies, even on {@code kill -9}), and a pid file
 * {@code warddesk.pid} ("pid port") that tells a second start who the owner is. A second {@code ./warddesk run} or
 * {@code ./warddesk admin} that finds the lock taken stops before it touches the database or starts any worker.
 */
public final class InstanceLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    private final Path pidFile;

    private InstanceLock(FileChannel channel, FileLock lock, Path pidFile) {
        this.channel = channel;
        this.lock = lock;
        this.pidFile = pidFile;
    }

    /** Takes the lock of {@code dir}, or throws a {@link StoreException} naming the live owner. */
    public static InstanceLock acquire(Path dir) {
        Path lockFile = dir.resolve("warddesk.lock");
        Path pidFile = dir.resolve("warddesk.pid");
        FileChannel channel;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("cannot create the lock file " + lockFile.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very JVM already owns the directory
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("cannot lock " + lockFile.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            Owner owner = Owner.read(pidFile);
            throw new StoreException("WardDesk is already running (pid " + owner.pid() + ", port " + owner.port() + ")");
        }
        InstanceLock owned = new InstanceLock(channel, lock, pidFile);
        owned.announce("-");
        return owned;
    }

    /** Records the HTTP port once the web server listens, for the message a second start prints. */
    public void announce(String port) {
        try {
            Files.writeString(pidFile, ProcessHandle.current().pid() + " " + port + System.lineSeparator(),
                              StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // The lock is what protects the directory; the pid file only makes the refusal message precise.
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                Files.deleteIfExists(pidFile);
                lock.release();
            }
        } catch (IOException e) {
            // The OS drops the lock with the process anyway.
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    /** Who holds the directory, as the pid file says ("?" when it cannot be read). */
    record Owner(String pid, String port) {
        static Owner read(Path pidFile) {
            try {
                String[] parts = Files.readString(pidFile, StandardCharsets.US_ASCII).trim().split("\\s+");
                return new Owner(parts[0].isEmpty() ? "?" : parts[0], parts.length > 1 ? parts[1] : "?");
            } catch (IOException e) {
                return new Owner("?", "?");
            }
        }
    }
}
