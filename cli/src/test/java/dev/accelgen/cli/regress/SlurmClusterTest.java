package dev.accelgen.cli.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.cli.Main;
import dev.accelgen.sim.verilator.VerilatorBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real one-node Slurm cluster (scripts/slurm-local.sh: slurmctld, slurmd and munged with everything under this
 * test's temporary directory): {@code accelgen regress tiny.json --slurm 4 --submit --wait} runs a 4-task job array
 * and the merge job, and the merged JUnit XML holds every case with the broken one failing. The cluster is stopped
 * afterwards whatever happens. Needs root and Debian's slurm-wlm and munge (scripts/ensure-tools.sh installs them).
 */
class SlurmClusterTest {
    @TempDir
    Path tmp;

    @Test
    void aFourTaskJobArrayRunsTheSuiteAndTheMergeGivesTheVerdict() throws Exception {
        Path script = repoRoot().resolve("scripts").resolve("slurm-local.sh");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x")); // munged runs as user munge
        Path cluster = tmp.resolve("slurm");
        Output started = run(List.of(script.toString(), "start", cluster.toString()), Map.of(), 60);
        try {
            assertEquals(0, started.exit(), "the one-node cluster did not start:\n" + started.text());
            String conf = started.text().lines().filter(l -> l.startsWith("SLURM_CONF=")).findFirst().orElseThrow()
                    .substring("SLURM_CONF=".length());
            Path suite = TinySuite.write(tmp);
            Path out = tmp.resolve("out");
            Output r = run(List.of(java(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "regress",
                    suite.toString(), "--slurm", "4", "--out", out.toString(), "--cache", VerilatorBuild.cacheBase().toString(),
                    "--submit", "--wait"), Map.of("SLURM_CONF", conf), 240);
            assertEquals(1, r.exit(), "one case is broken, so the merged verdict is 1:\n" + r.text() + logs(out));
            assertTrue(r.text().contains("submitted job array "), r.text());
            assertTrue(r.text().contains("FAIL 1 of 4 cases failed"), r.text());

            Map<String, ReportTestCase> cases = TinySuite.junit(out.resolve("junit.xml"));
            assertEquals(TinySuite.IDS.stream().sorted().toList(), List.copyOf(cases.keySet()));
            assertTrue(cases.get(TinySuite.BROKEN).hasFailure());
            assertTrue(cases.get(TinySuite.BROKEN).getFailureMessage().startsWith("FAIL first mismatch at cycle "));
            assertEquals(3, cases.values().stream().filter(ReportTestCase::isSuccessful).count());
            try (Stream<Path> s = Files.list(out)) {
                assertEquals(List.of("shard-1-of-4.json", "shard-2-of-4.json", "shard-3-of-4.json", "shard-4-of-4.json"),
                        s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("shard-")).sorted().toList());
            }
            try (Stream<Path> s = Files.list(out.resolve("logs"))) {
                assertEquals(5, s.count(), "four task logs (%A_%a) and the merge log");
            }
        } finally {
            Output stopped = run(List.of(script.toString(), "stop", cluster.toString()), Map.of(), 60);
            assertEquals(0, stopped.exit(), "the cluster did not stop:\n" + stopped.text());
        }
    }

    record Output(int exit, String text) {
    }

    private static Output run(List<String> command, Map<String, String> env, int seconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        StringBuilder text = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                String all = new String(p.getInputStream().readAllBytes());
                synchronized (text) {
                    text.append(all);
                }
            } catch (IOException e) {
                synchronized (text) {
                    text.append(e);
                }
            }
        });
        reader.setDaemon(true);
        reader.start();
        boolean ended = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        reader.join(TimeUnit.SECONDS.toMillis(10)); // a daemon still holding the output must not hang the test
        synchronized (text) {
            return ended ? new Output(p.exitValue(), text.toString()) : new Output(-1, "timed out after " + seconds + " s:\n" + text);
        }
    }

    private static String logs(Path out) throws IOException {
        if (!Files.isDirectory(out.resolve("logs"))) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        try (Stream<Path> s = Files.list(out.resolve("logs"))) {
            for (Path p : s.sorted().toList()) {
                b.append("\n--- ").append(p.getFileName()).append('\n').append(Files.readString(p));
            }
        }
        return b.toString();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The repository root: Surefire runs in the module directory. */
    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("scripts").resolve("slurm-local.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("scripts/slurm-local.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
