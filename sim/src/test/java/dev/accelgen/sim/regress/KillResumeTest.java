package dev.accelgen.sim.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL mid-case, then resumed: only the cases without a result run again. */
class KillResumeTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledRunResumesWithTheUnfinishedCasesOnly() throws Exception {
        Path suiteFile = tmp.resolve("eight.json");
        Files.writeString(suiteFile, "{\"suite\": \"eight\", \"cases\": [{\"type\": \"scripted\", \"group\": \"k\", \"count\": 8}]}");
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("killed.log");
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), ScriptedRunMain.class.getName(), suiteFile.toString(), out.toString(),
                log.toString(), "4").redirectErrorStream(true).redirectOutput(tmp.resolve("child.out").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines(log).size() < 4 && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(50);
            }
            assertEquals(4, lines(log).size(), "the child should be blocked in its 4th case: " + Files.readString(tmp.resolve("child.out")));
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        List<String> finished = ResultStore.existing(out).results().keySet().stream().sorted().toList();
        assertEquals(lines(log).subList(0, 3).stream().sorted().toList(), finished); // cases 1-3 finished, the 4th did not

        Path resumeLog = tmp.resolve("resumed.log");
        Suite suite = SuiteReader.parse(Files.readString(suiteFile), "eight.json", suiteFile.toString());
        CaseTypes types = ScriptedCaseType.types(resumeLog, 1);
        RunReport r = RegressRun.run(suite, types.expand(suite), RegressRunTest.options(Shard.ALL, out, true, List.of()),
                ProgressListener.NONE);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            if (!finished.contains("k/c" + i)) {
                expected.add("k/c" + i);
            }
        }
        assertEquals(expected, lines(resumeLog).stream().sorted().toList());
        assertTrue(expected.contains(lines(log).get(3)), "the case in flight at the kill runs again");
        assertEquals(3, r.resumed());
        assertEquals(8, r.results().size());
        assertTrue(r.passed());
    }

    private static List<String> lines(Path p) throws IOException {
        return Files.exists(p) ? Files.readAllLines(p) : List.of();
    }
}
