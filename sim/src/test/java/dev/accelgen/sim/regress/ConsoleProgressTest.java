package dev.accelgen.sim.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private long now;

    private CaseResult result(String id, CaseVerdict.Status s) {
        return new CaseResult(id, "g", "", s, s == CaseVerdict.Status.PASS ? "PASS outputs=1" : "FAIL first mismatch at cycle 2",
                "", "accelgen regress x --case " + id, 1, "h", "1/1", null, new Workload(1, 1), null);
    }

    @Test
    void plainLinesWhenNotATerminal() {
        StringWriter text = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(text), false, "regress x", () -> now);
        Suite suite = SuiteReader.parse("{\"suite\": \"x\", \"cases\": [{\"type\": \"scripted\", \"group\": \"g\", "
                + "\"count\": 2}]}", "x.json", "x");
        List<PlannedCase> cases = ScriptedCaseType.types(Path.of("unused"), 3).expand(suite);
        Batch batch = new Batch("s1of1/t/g/0", cases.get(0).type(), cases, 30);
        p.started(3, 1, 30, 30);
        p.batchStarted(batch);
        now = 10_000_000_000L;
        p.caseFinished(result("g/c0", CaseVerdict.Status.PASS), 10);
        now = 20_000_000_000L;
        p.caseFinished(result("g/c1", CaseVerdict.Status.FAIL), 10);
        p.finished();
        assertEquals("""
                regress x: 3 cases, 1 done by an earlier run, estimated 30s
                regress: started 2 case(s) of g (batch s1of1/t/g/0)
                [2/3] PASS g/c0  (0 failed, 10s elapsed, ETA 20s)
                [3/3] FAIL g/c1: FAIL first mismatch at cycle 2  (1 failed, 20s elapsed, ETA 10s)
                regress x: done in 20s, 2 passed, 1 failed
                """, text.toString());
    }

    @Test
    void oneStatusLineOnATerminal() {
        StringWriter text = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(text), true, "regress x", () -> now);
        p.started(2, 0, 100, 50);
        now = 5_000_000_000L;
        p.caseFinished(result("g/c0", CaseVerdict.Status.PASS), 25);
        assertEquals("\r\033[Kregress x: 2 cases, estimated 50s\n\r\033[K[1/2] 0 failed, 5s elapsed, ETA 15s", text.toString());
    }

    @Test
    void durationsReadLikeAClock() {
        assertEquals("59s", Durations.format(59.4));
        assertEquals("3m07s", Durations.format(187));
        assertEquals("2h05m", Durations.format(7500));
    }
}
