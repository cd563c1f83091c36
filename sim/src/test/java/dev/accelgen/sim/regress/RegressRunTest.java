package dev.accelgen.sim.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.errors.OptionError;
import dev.accelgen.errors.OutputPathError;
import dev.accelgen.sim.verilator.BuildOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine end to end on a scripted case type (no Verilator): results, verdicts, sharding, resume. */
class RegressRunTest {
    static final String SUITE = """
            {"suite": "scripted-suite", "cases": [
              {"type": "scripted", "group": "alpha", "count": 7, "fail": [1], "error": [3]},
              {"type": "scripted", "group": "beta", "count": 5, "fail": [4]}]}""";

    @TempDir
    Path tmp;

    private final Suite suite = SuiteReader.parse(SUITE, "scripted.json", "/suites/scripted.json");

    static RunOptions options(Shard shard, Path out, boolean resume, List<String> ids) {
        return new RunOptions(shard, 2, out, resume, ids, BuildOptions.DEFAULT, CostModel.DEFAULT);
    }

    private RunReport run(Path log, Shard shard, Path out, boolean resume, List<String> ids) {
        CaseTypes types = ScriptedCaseType.types(log, 3);
        return RegressRun.run(suite, types.expand(suite), options(shard, out, resume, ids), ProgressListener.NONE);
    }

    static Map<String, CaseVerdict.Status> verdicts(RunReport r) {
        Map<String, CaseVerdict.Status> m = new LinkedHashMap<>();
        r.results().forEach(c -> m.put(c.id(), c.status()));
        return m;
    }

    static List<String> ran(Path log) throws IOException {
        return Files.exists(log) ? Files.readAllLines(log).stream().sorted().toList() : List.of();
    }

    @Test
    void everyCaseRunsOnceAndItsResultIsStored() throws IOException {
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("log");
        RunReport r = run(log, Shard.ALL, out, false, List.of());

        assertEquals(12, r.results().size());
        assertEquals(List.of("alpha/c0", "alpha/c1", "alpha/c2", "alpha/c3", "alpha/c4", "alpha/c5", "alpha/c6",
                "beta/c0", "beta/c1", "beta/c2", "beta/c3", "beta/c4"), r.results().stream().map(CaseResult::id).toList());
        assertEquals(r.results().stream().map(CaseResult::id).sorted().toList(), ran(log));
        Map<String, CaseVerdict.Status> v = verdicts(r);
        assertEquals(CaseVerdict.Status.FAIL, v.get("alpha/c1"));
        assertEquals(CaseVerdict.Status.ERROR, v.get("alpha/c3"));
        assertEquals(CaseVerdict.Status.FAIL, v.get("beta/c4"));
        assertEquals(9, r.count(CaseVerdict.Status.PASS));
        assertFalse(r.passed());

        CaseResult error = r.results().get(3);
        assertEquals("ERROR harness crashed", error.summary());
        assertTrue(error.detail().startsWith("java.lang.IllegalStateException: harness crashed\nsecond line\n\tat "), error.detail());
        CaseResult failed = r.results().get(1);
        assertEquals("accelgen regress /suites/scripted.json --case alpha/c1", failed.reproduce());
        assertEquals(suite.hash(), failed.suiteHash());

        ResultStore store = ResultStore.existing(out);
        assertEquals(12, store.results().size());
        assertEquals(CaseVerdict.Status.FAIL, store.results().get("beta/c4").status());
        assertTrue(Files.isRegularFile(out.resolve("results/beta+c4.json")));
        ShardManifest m = store.shards().get(0);
        assertEquals("shard-1-of-1.json", m.fileName());
        assertEquals(12, m.suiteCases());
        assertTrue(m.finished() != null);

        assertEquals(List.of(
                "suite scripted-suite (hash " + suite.shortHash() + ", shards 1/1): 12 cases, 9 passed, 2 failed, 1 errors",
                "FAIL alpha/c1: FAIL first mismatch at cycle 3 stream out port y: expected 1 actual 2 (seed 7)",
                "  reproduce: accelgen regress /suites/scripted.json --case alpha/c1",
                "ERROR alpha/c3: ERROR harness crashed",
                "  reproduce: accelgen regress /suites/scripted.json --case alpha/c3",
                "FAIL beta/c4: FAIL first mismatch at cycle 3 stream out port y: expected 1 actual 2 (seed 7)",
                "  reproduce: accelgen regress /suites/scripted.json --case beta/c4",
                "FAIL 3 of 12 cases failed"), Summary.lines(r));
    }

    @Test
    void aBatchThatFailsAsAWholeRunsItsCasesAlone() {
        RunReport r = run(tmp.resolve("log"), Shard.ALL, null, false, List.of());
        // alpha/c3 makes its batch throw: its batch mates pass alone, each in a batch of its own.
        CaseResult mate = r.results().stream().filter(c -> c.id().equals("alpha/c2")).findFirst().orElseThrow();
        assertEquals(CaseVerdict.Status.PASS, mate.status());
        assertEquals(1, mate.batch().cases());
        CaseResult other = r.results().stream().filter(c -> c.id().equals("beta/c0")).findFirst().orElseThrow();
        assertEquals(2, other.batch().cases()); // beta: 5 cases, at most 3 a batch: batches of 2 and 3
    }

    @Test
    void fourShardsRunSeparatelyAndMergedGiveTheUnshardedVerdicts() throws IOException {
        RunReport whole = run(tmp.resolve("whole.log"), Shard.ALL, tmp.resolve("whole"), false, List.of());
        List<Path> dirs = new ArrayList<>();
        Path log = tmp.resolve("shards.log");
        for (int i = 1; i <= 4; i++) {
            Path d = tmp.resolve("shard" + i);
            RunReport part = run(log, new Shard(i, 4), d, false, List.of());
            assertTrue(part.results().size() >= 2, "shard " + i + " has " + part.results().size() + " cases");
            dirs.add(d);
        }
        assertEquals(ran(tmp.resolve("whole.log")), ran(log)); // every case ran exactly once over the 4 shards
        RunReport merged = Merge.merge(dirs);
        assertEquals(List.of(), merged.problems());
        assertEquals(verdicts(whole), verdicts(merged));
        assertEquals("4", merged.shards());
        assertEquals(suite.hash(), merged.suite().hash());
    }

    @Test
    void aShardTakesItsCasesFromAWrittenPartition() throws IOException {
        Path out = tmp.resolve("out");
        List<List<String>> ids = List.of(List.of("beta/c0", "alpha/c6"), List.of("alpha/c0"));
        ResultStore.create(out).write(new Partition(suite.hash(), 2, List.of(ids.get(0), ids.get(1))));
        Path log = tmp.resolve("log");
        RunReport r = run(log, new Shard(1, 2), out, false, List.of());
        assertEquals(List.of("alpha/c6", "beta/c0"), ran(log));
        assertEquals(List.of("alpha/c6", "beta/c0"), r.results().stream().map(CaseResult::id).sorted().toList());
        // A partition of another suite (or another N) is ignored: the shard computes its own.
        ResultStore.create(out).write(new Partition("0".repeat(64), 2, ids));
        Path other = tmp.resolve("other.log");
        run(other, new Shard(1, 2), out, false, List.of());
        assertTrue(ran(other).size() > 3, ran(other).toString());
    }

    @Test
    void resumeRunsOnlyCasesWithoutAResultAndThoseThatErred() throws IOException {
        Path out = tmp.resolve("out");
        run(tmp.resolve("first.log"), Shard.ALL, out, false, List.of());
        ResultStore.existing(out).delete("alpha/c5");
        ResultStore.existing(out).delete("beta/c1");
        Path log = tmp.resolve("resume.log");
        RunReport r = run(log, Shard.ALL, out, true, List.of());
        assertEquals(List.of("alpha/c3", "alpha/c5", "beta/c1"), ran(log));
        assertEquals(9, r.resumed());
        assertEquals(12, r.results().size());
        assertEquals(CaseVerdict.Status.FAIL, verdicts(r).get("alpha/c1"));
    }

    @Test
    void aChangedSuiteIsNotResumed() throws IOException {
        Path out = tmp.resolve("out");
        run(tmp.resolve("first.log"), Shard.ALL, out, false, List.of());
        Suite changed = SuiteReader.parse(SUITE.replace("\"count\": 5", "\"count\": 6"), "scripted.json", "/suites/scripted.json");
        Path log = tmp.resolve("second.log");
        CaseTypes types = ScriptedCaseType.types(log, 3);
        RegressRun.run(changed, types.expand(changed), options(Shard.ALL, out, true, List.of()), ProgressListener.NONE);
        assertEquals(13, ran(log).size());
    }

    @Test
    void namedCasesRunAloneAndAnUnknownIdIsAnOptionError() throws IOException {
        Path log = tmp.resolve("log");
        RunReport r = run(log, Shard.ALL, null, false, List.of("beta/c4", "alpha/c0"));
        assertEquals(List.of("beta/c4", "alpha/c0"), r.results().stream().map(CaseResult::id).toList());
        assertEquals(List.of("alpha/c0", "beta/c4"), ran(log));
        OptionError e = assertThrows(OptionError.class, () -> run(log, Shard.ALL, null, false, List.of("alpha/c99")));
        assertEquals("--case: suite scripted-suite has no case alpha/c99 (list them with: accelgen regress "
                + "/suites/scripted.json --list)", e.getMessage());
    }

    @Test
    void aDirectoryAccelgenDidNotMakeIsRefused() throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        OutputPathError e = assertThrows(OutputPathError.class, () -> run(tmp.resolve("log"), Shard.ALL, mine, false, List.of()));
        assertEquals(mine + ": exists and is not an accelgen regress directory (no results/); choose a new or empty directory",
                e.getMessage());
        assertEquals("keep me", Files.readString(mine.resolve("notes.txt")));
    }

    @Test
    void optionsAreChecked() {
        assertEquals("--resume: needs --out DIR, the directory of the run to resume", assertThrows(OptionError.class,
                () -> options(Shard.ALL, null, true, List.of())).getMessage());
        assertEquals("--jobs: must be in 1..256 (got 0)", assertThrows(OptionError.class,
                () -> new RunOptions(Shard.ALL, 0, null, false, List.of(), BuildOptions.DEFAULT, CostModel.DEFAULT)).getMessage());
        assertEquals("--shard: must be I/N with 1 <= I <= N <= 10000 (got 0/4)",
                assertThrows(OptionError.class, () -> Shard.parse("0/4")).getMessage());
        assertEquals("--shard: must be I/N, e.g. 2/8 (got '3')", assertThrows(OptionError.class, () -> Shard.parse("3")).getMessage());
        assertEquals(new Shard(4, 4), Shard.parse("4/4"));
    }
}
