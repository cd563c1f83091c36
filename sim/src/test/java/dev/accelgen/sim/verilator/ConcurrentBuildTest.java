package dev.accelgen.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.sim.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes build the same design into one empty cache at the same moment (as Slurm tasks sharing a cache over
 * NFS do): both build, both end up with the one cache entry, and no half-built or temporary directory is left.
 */
class ConcurrentBuildTest {
    @TempDir
    Path tmp;

    @Test
    void twoProcessesBuildingTheSameKeyAgreeOnOneEntry() throws Exception {
        Path design = Files.createDirectories(tmp.resolve("design"));
        Path fixture = Fixtures.dir("mac");
        Files.writeString(design.resolve("mac_pipe.v"), "// concurrent build test " + System.nanoTime() + "\n"
                + Files.readString(fixture.resolve("mac_pipe.v")));
        Files.copy(fixture.resolve("mac_pipe.manifest.json"), design.resolve("mac_pipe.manifest.json"));
        Path cache = tmp.resolve("cache");
        Path barrier = Files.createDirectories(tmp.resolve("barrier"));

        List<Process> processes = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                    System.getProperty("java.class.path"), ConcurrentBuildMain.class.getName(),
                    design.resolve("mac_pipe.manifest.json").toString(), barrier.toString(), name);
            pb.environment().put("ACCELGEN_CACHE", cache.toString());
            pb.redirectError(tmp.resolve(name + ".err").toFile());
            processes.add(pb.start());
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Process p = processes.get(i);
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor(5, TimeUnit.MINUTES);
            assertEquals(0, p.exitValue(), Files.readString(tmp.resolve((i == 0 ? "a" : "b") + ".err")));
            lines.add(out);
        }
        Path verilator = cache.resolve("verilator");
        List<String> entries = names(verilator);
        assertEquals(2, entries.size(), "one design entry and the shared runtime objects, nothing temporary: " + entries);
        String key = entries.stream().filter(n -> !n.startsWith("runtime-")).findFirst().orElseThrow();
        String expected = "hit=false exe=" + verilator.resolve(key).resolve("obj").resolve("sim") + " events=5";
        assertEquals(List.of(expected, expected), lines, "both processes built (no cache hit), both use the one entry");
        assertEquals(List.of("sim"), names(verilator.resolve(key).resolve("obj")));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
