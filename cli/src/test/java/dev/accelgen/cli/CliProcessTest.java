package dev.accelgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accelgen command in its own JVM, where environment variables and signals can be set. */
class CliProcessTest {
    @TempDir
    Path tmp;

    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("stdout").toFile())
                .redirectError(tmp.resolve("stderr").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private static List<Path> temporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().contains(".accelgen-tmp-")).toList();
        }
    }

    @Test
    void anUnwritableVerilatorCacheIsAUserError() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        Process p = start(Map.of("ACCELGEN_CACHE", file.toString(), "ACCELGEN_SCRATCH", tmp.resolve("scratch").toString()),
                "pe", "verify", "systolic", "--rows", "2", "--cols", "2", "--vectors", "1");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String err = Files.readString(tmp.resolve("stderr"), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), err);
        String last = err.lines().reduce((a, b) -> b).orElse("");
        assertEquals("accelgen: error: ACCELGEN_CACHE " + file + ": cannot write the Verilator build cache (a component of the path"
                + " is a file); set ACCELGEN_CACHE to a writable directory", last);
        assertEquals(List.of(), temporaries(tmp.resolve("scratch")));
    }

    @Test
    void sigintDuringVerifyRemovesItsTemporaryDirectories() throws Exception {
        Path scratch = tmp.resolve("scratch");
        Path cache = tmp.resolve("cache");
        Process p = start(Map.of("ACCELGEN_CACHE", cache.toString(), "ACCELGEN_SCRATCH", scratch.toString()),
                "pe", "verify", "systolic", "--rows", "3", "--cols", "3", "--vectors", "2");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (temporaries(cache.resolve("verilator")).isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(p.isAlive(), "the Verilator build was under way when interrupted");
        assertEquals(1, temporaries(scratch).size(), "the verify work directory exists");
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of(), temporaries(scratch));
        assertEquals(List.of(), temporaries(cache.resolve("verilator")));
    }
}
