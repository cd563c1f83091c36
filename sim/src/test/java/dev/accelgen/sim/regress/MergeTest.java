package dev.accelgen.sim.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.errors.OutputPathError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code regress merge} reports when shards are missing, unfinished, duplicated or of another suite. */
class MergeTest {
    @TempDir
    Path tmp;

    private final Suite suite = SuiteReader.parse(RegressRunTest.SUITE, "scripted.json", "/suites/scripted.json");

    private Path runShard(Suite s, Shard shard, String dir) {
        Path out = tmp.resolve(dir);
        CaseTypes types = ScriptedCaseType.types(tmp.resolve(dir + ".log"), 3);
        RegressRun.run(s, types.expand(s), RegressRunTest.options(shard, out, false, List.of()), ProgressListener.NONE);
        return out;
    }

    @Test
    void aMissingShardIsReported() {
        Path one = runShard(suite, new Shard(1, 3), "one");
        Path two = runShard(suite, new Shard(2, 3), "two");
        int owned = ResultStore.existing(one).shards().get(0).cases().size() + ResultStore.existing(two).shards().get(0).cases().size();
        RunReport r = Merge.merge(List.of(one, two));
        assertEquals(List.of("missing shard 3/3 (no shard-3-of-3.json)",
                (12 - owned) + " of the suite's 12 cases belong to no shard that ran"), r.problems());
        assertEquals(owned, r.results().size());
        assertFalse(r.passed());
    }

    @Test
    void aCaseAShardOwnsButDidNotFinishIsAnErrorTestcase() {
        Path out = runShard(suite, Shard.ALL, "all");
        ResultStore.existing(out).delete("beta/c2");
        RunReport r = Merge.merge(List.of(out));
        assertEquals(List.of("1 case(s) owned by a shard have no result (killed, failed or still running; "
                + "re-run that shard with --resume)"), r.problems());
        CaseResult missing = r.results().get(9);
        assertEquals("beta/c2", missing.id());
        assertEquals("beta", missing.group());
        assertEquals(CaseVerdict.Status.ERROR, missing.status());
        assertEquals("ERROR no result: shard 1/1 in " + out + " did not finish this case", missing.summary());
        assertEquals("accelgen regress /suites/scripted.json --case beta/c2", missing.reproduce());
        assertTrue(JUnitXml.render(r).contains("<testcase name=\"beta/c2\" classname=\"beta\" time=\"0.000\">"));
    }

    @Test
    void duplicatedCasesAreReported() {
        Path whole = runShard(suite, Shard.ALL, "whole");
        Path first = runShard(suite, new Shard(1, 2), "first");
        Path second = runShard(suite, new Shard(2, 2), "second");
        RunReport r = Merge.merge(List.of(whole, first, second));
        assertEquals(12, r.problems().size());
        String anyCase = r.problems().get(0);
        assertTrue(anyCase.matches("duplicated case [a-z]+/c[0-9]: shard 1/1 in " + whole + ", shard [12]/2 in " + tmp
                + "/(first|second), a result in " + whole + ", a result in " + tmp + "/(first|second)"), anyCase);
        assertEquals(12, r.results().size());
    }

    @Test
    void resultsOfDifferentSuitesAreNotMerged() {
        Path a = runShard(suite, Shard.ALL, "a");
        Suite other = SuiteReader.parse(RegressRunTest.SUITE.replace("scripted-suite", "other"), "o.json", "/o.json");
        Path b = runShard(other, Shard.ALL, "b");
        ConfigError e = assertThrows(ConfigError.class, () -> Merge.merge(List.of(a, b)));
        assertEquals("regress merge: the directories hold results of different suites: other (hash "
                + other.shortHash() + "), scripted-suite (hash " + suite.shortHash() + ")", e.getMessage());
    }

    @Test
    void aDirectoryWithoutResultsIsAnInputError() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(empty + ": is not an accelgen regress output directory (no results/)",
                assertThrows(OutputPathError.class, () -> Merge.merge(List.of(empty))).getMessage());
        Files.createDirectories(empty.resolve("results"));
        assertEquals(empty + ": no shard-I-of-N.json: not the output of accelgen regress --out, or no shard started",
                assertThrows(OutputPathError.class, () -> Merge.merge(List.of(empty))).getMessage());
    }
}
