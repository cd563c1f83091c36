package dev.accelgen.cli.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accelgen regress} as a user runs it: verdicts, JUnit XML, the reproducing command, shards, bad input. */
class RegressCliTest {
    @TempDir
    Path tmp;

    /** What accelgen printed: exit status, stdout lines, stderr. */
    record Run(int exit, List<String> out, String err) {
    }

    static Run accelgen(String... args) {
        Cli r = Cli.run(args);
        return new Run(r.exit(), r.outLines(), r.err());
    }

    @Test
    void aBrokenCaseFailsInTheJUnitXmlWithACommandThatReproducesIt() throws Exception {
        Path suite = TinySuite.write(tmp);
        Path xml = tmp.resolve("out.xml");
        Run r = accelgen("regress", suite.toString(), "--out", tmp.resolve("results").toString(), "--junit", xml.toString());
        assertEquals(1, r.exit(), r.err());
        String repro = "accelgen regress " + suite + " --case " + TinySuite.BROKEN;
        String hash = SuiteSource.load(suite.toString()).shortHash();
        String failLine = r.out().get(1);
        assertTrue(failLine.startsWith("FAIL " + TinySuite.BROKEN + ": FAIL first mismatch at cycle "), failLine);
        assertEquals(List.of("suite tiny (hash " + hash + ", shards 1/1): 4 cases, 3 passed, 1 failed, 0 errors",
                failLine, "  reproduce: " + repro, "FAIL 1 of 4 cases failed", "JUnit XML: " + xml), r.out());
        assertTrue(r.err().contains("[4/4] "), r.err());

        Map<String, ReportTestCase> cases = TinySuite.junit(xml);
        assertEquals(TinySuite.IDS.stream().sorted().toList(), List.copyOf(cases.keySet()));
        ReportTestCase broken = cases.get(TinySuite.BROKEN);
        assertTrue(broken.hasFailure());
        assertEquals("wrong-golden-systolic", broken.getFullClassName());
        String mismatch = failLine.substring(("FAIL " + TinySuite.BROKEN + ": ").length());
        assertEquals(mismatch, broken.getFailureMessage());
        assertTrue(Files.readString(xml).contains("reproduce: " + repro + "</failure>"), "the failure text ends with the command");
        assertEquals("systolic", cases.get("systolic/random/s5/c0").getFullClassName());
        assertTrue(cases.get("rmsnorm/config/4_2_1/s1").isSuccessful());

        // The printed command, run as printed, reproduces the failure alone.
        List<String> args = new ArrayList<>(Arrays.asList(repro.split(" ")));
        Run again = accelgen(args.subList(1, args.size()).toArray(String[]::new));
        assertEquals(1, again.exit());
        assertEquals(List.of("suite tiny (hash " + hash + ", shards 1/1): 1 cases, 0 passed, 1 failed, 0 errors",
                failLine, "  reproduce: " + repro, "FAIL 1 of 1 cases failed"), again.out());
        Run good = accelgen("regress", suite.toString(), "--case", "systolic/random/s5/c1");
        assertEquals(0, good.exit(), good.err());
        assertEquals("PASS 1 cases", good.out().get(good.out().size() - 1));
    }

    @Test
    void fourShardsMergedGiveTheVerdictsOfOneRun() throws Exception {
        Path suite = TinySuite.write(tmp);
        Path whole = tmp.resolve("whole.xml");
        assertEquals(1, accelgen("regress", suite.toString(), "--junit", whole.toString()).exit());
        List<String> merge = new ArrayList<>(List.of("regress", "merge"));
        for (int i = 1; i <= 4; i++) {
            Path dir = tmp.resolve("shard" + i);
            Run r = accelgen("regress", suite.toString(), "--shard", i + "/4", "--out", dir.toString(), "--defer-verdict");
            assertEquals(0, r.exit(), r.err()); // --defer-verdict: the merge gives the verdict
            merge.add(dir.toString());
        }
        Path merged = tmp.resolve("merged.xml");
        merge.addAll(List.of("--junit", merged.toString()));
        Run m = accelgen(merge.toArray(String[]::new));
        assertEquals(1, m.exit(), m.err());
        assertEquals("FAIL 1 of 4 cases failed", m.out().get(m.out().size() - 2));
        assertFalse(String.join("\n", m.out()).contains("problem:"), String.join("\n", m.out()));
        Map<String, ReportTestCase> a = TinySuite.junit(whole);
        Map<String, ReportTestCase> b = TinySuite.junit(merged);
        assertEquals(a.keySet(), b.keySet());
        for (String id : a.keySet()) {
            assertEquals(a.get(id).isSuccessful(), b.get(id).isSuccessful(), id);
            assertEquals(a.get(id).getFailureMessage(), b.get(id).getFailureMessage(), id);
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path suite = TinySuite.write(tmp);
        assertEquals(new Run(2, List.of(), "accelgen: error: nope.json: no such suite: name a built-in suite (smoke, nightly, sweep)"
                + " or a suite .json file\n"), accelgen("regress", "nope.json"));
        Path typo = Files.writeString(tmp.resolve("typo.json"), "{\"suite\": \"t\", \"cases\": [{\"type\": \"unit-randon\"}]}");
        Run r = accelgen("regress", typo.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("accelgen: error: typo.json cases[0]: unknown case type \"unit-randon\" (known: unit-random, "
                + "unit-config, unit-wrong-golden"), r.err());
        assertEquals("accelgen: error: --resume: needs --out DIR, the directory of the run to resume\n",
                accelgen("regress", suite.toString(), "--resume").err());
        assertEquals("accelgen: error: --wait: needs --slurm N\n", accelgen("regress", suite.toString(), "--wait").err());
        assertEquals("accelgen: error: --case: suite tiny has no case moe/random/s1/c0 (list them with: accelgen regress "
                + suite + " --list)\n", accelgen("regress", suite.toString(), "--case", "moe/random/s1/c0").err());
        assertEquals("accelgen: error: SUITE: name a suite to run: smoke, nightly, sweep or a suite .json file (see "
                + "'accelgen regress --help')\n", accelgen("regress").err());
    }

    @Test
    void builtInSuitesListTheirCasesAndPlanThemOnNodes() {
        Run smoke = accelgen("regress", "smoke", "--list");
        assertEquals(0, smoke.exit());
        assertEquals(23, smoke.out().size());
        assertEquals("systolic/random/s1/c0  systolic config {\"rows\":2,\"cols\":4,\"aBits\":8,\"wBits\":3,\"accBits\":13,"
                + "\"signed\":false} seed 1000003 vectors 20", smoke.out().get(0));
        assertEquals(1400, accelgen("regress", "nightly", "--list").out().size());
        assertEquals(3500, accelgen("regress", "sweep", "--list").out().size());
        Run plan = accelgen("regress", "smoke", "--plan");
        assertEquals(0, plan.exit(), plan.err());
        assertTrue(plan.out().get(0).startsWith("suite smoke (hash "), plan.out().get(0));
        assertTrue(plan.out().get(0).contains(": 23 cases in 9 batches, estimated "), plan.out().get(0));
        assertEquals(List.of("    1 node", "    8 nodes", "   64 nodes"), plan.out().stream().filter(l -> l.matches(" +[0-9]+ nodes? .*"))
                .map(l -> l.substring(0, l.indexOf("node") + (l.contains("nodes") ? 5 : 4))).toList());
    }

    @Test
    void slurmScriptsCallAccelgenAsANodeWould() throws Exception {
        Path suite = TinySuite.write(tmp);
        Path out = tmp.resolve("cluster");
        Run r = accelgen("regress", suite.toString(), "--slurm", "3", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String script = Files.readString(out.resolve("regress.sbatch"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertTrue(script.contains("#SBATCH --array=1-3\n"), script);
        assertTrue(script.contains("\nexec " + java + " -Xmx"), script);
        assertTrue(script.contains(" dev.accelgen.cli.Main regress " + suite + " --shard \"$SLURM_ARRAY_TASK_ID/3\" --out " + out
                + " --cache /"), script);
        assertTrue(Files.readString(out.resolve("merge.sbatch")).contains(" regress merge " + out + " --junit " + out.resolve("junit.xml")));
        assertEquals("submit with: A=$(sbatch --parsable " + out.resolve("regress.sbatch") + ") && sbatch --dependency=afterok:$A "
                + out.resolve("merge.sbatch"), r.out().get(1));
        assertEquals("accelgen: error: --slurm: needs --out DIR on a file system every node sees\n",
                accelgen("regress", suite.toString(), "--slurm", "2").err());
    }
}
