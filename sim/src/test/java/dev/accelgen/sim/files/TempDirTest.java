package dev.accelgen.sim.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Temporary directories go away on close, on SIGINT and SIGTERM, and (after SIGKILL) at the next run's sweep. */
class TempDirTest {
    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    /** A child JVM holding a temporary directory in {@code parent}; returns the process and the directory. */
    private record Child(Process process, Path dir) {
        static Child start(Path parent) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TempDirChild.class.getName(),
                    parent.toString()).redirectErrorStream(true).start();
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(line != null && Files.isDirectory(Path.of(line)), "child printed " + line);
            return new Child(p, Path.of(line));
        }

        void signal(String name) throws IOException, InterruptedException {
            assertEquals(0, new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor());
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "child ended");
        }
    }

    @Test
    void closeRemovesTheDirectoryWhichHasTheUsersUmask() throws IOException {
        Path reference = Files.createDirectory(tmp.resolve("reference"));
        Path dir;
        try (TempDir t = TempDir.in(tmp, "work")) {
            dir = t.path();
            Files.writeString(dir.resolve("x"), "x");
            assertTrue(dir.getFileName().toString().matches("work\\.accelgen-tmp-\\d+-[0-9a-f]{8}-\\d+"), dir.toString());
            assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(dir));
        }
        assertFalse(Files.exists(dir));
    }

    @Test
    void sigtermAndSigintRemoveTheDirectory() throws Exception {
        for (String signal : List.of("TERM", "INT")) {
            Child c = Child.start(tmp);
            c.signal(signal);
            assertFalse(Files.exists(c.dir()), "SIG" + signal + " left " + c.dir());
        }
    }

    @Test
    void aKilledRunsDirectoryIsSweptByTheNextRunButALiveRunsIsKept() throws Exception {
        Child killed = Child.start(tmp);
        killed.signal("KILL");
        assertTrue(Files.exists(killed.dir()), "SIGKILL skips the shutdown hook");
        Child alive = Child.start(tmp);
        try (TempDir t = TempDir.in(tmp, "next")) {
            assertFalse(Files.exists(killed.dir()), "swept");
            assertTrue(Files.exists(alive.dir()), "a live run's directory is not touched");
            assertTrue(Files.exists(t.path()));
        } finally {
            alive.process().destroy();
            alive.process().waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(Files.exists(alive.dir()));
    }

    @Test
    void theScratchRootIsPrivate() throws IOException {
        try (TempDir t = TempDir.inScratch("probe")) {
            assertEquals(ScratchRoot.get(), t.path().getParent());
            assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(ScratchRoot.get()));
        }
    }
}
