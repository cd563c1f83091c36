package dev.accelgen.sim.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * This process's run id ({@code <pid>-<8 hex digits>}) and the lock that shows it is alive: the file
 * {@code <scratch>/runs/<id>.lock}, locked for the life of the JVM. The operating system drops the lock when the
 * process dies, however it dies, so another run can tell a killed run's temporary directories from a live one's.
 */
final class RunLock {
    private static final String ID = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private static FileChannel held;

    private RunLock() {
    }

    static synchronized String id() {
        if (held == null) {
            Path file = ScratchRoot.sub("runs").resolve(ID + ".lock");
            try {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                if (ch.tryLock() == null) {
                    ch.close();
                    throw new IllegalStateException("run lock " + file + " is held by another process");
                }
                held = ch;
            } catch (IOException e) {
                throw new dev.accelgen.errors.OutputPathError(ScratchRoot.ENV + " " + file.getParent(),
                        "cannot create a run lock (" + FileErrors.reason(e) + "); set " + ScratchRoot.ENV + " to a writable directory");
            }
            Cleanup.atLast(() -> release(file));
        }
        return ID;
    }

    /**
     * Whether the run that owns {@code runId} has ended: its lock can be taken, or (lock file gone, e.g. removed by
     * an earlier sweep or kept under another scratch root) no process with its pid exists. When unsure: alive.
     */
    static boolean ended(String runId) {
        if (runId.equals(ID)) {
            return false;
        }
        Path file = ScratchRoot.get().resolve("runs").resolve(runId + ".lock");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) {
                return false;
            }
            Files.deleteIfExists(file);
            lock.release();
            return true;
        } catch (NoSuchFileException e) {
            return !processAlive(runId);
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    private static boolean processAlive(String runId) {
        try {
            return ProcessHandle.of(Long.parseLong(runId.substring(0, runId.indexOf('-')))).isPresent();
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return true;
        }
    }

    private static synchronized void release(Path file) {
        try {
            Files.deleteIfExists(file);
            held.close();
        } catch (IOException e) {
            // the process is ending; the lock goes with it
        }
    }
}
