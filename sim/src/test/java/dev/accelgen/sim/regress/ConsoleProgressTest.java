package dev.accelgen.sim.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.sim.progress.ProgressConsole;
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
        ConsoleProgress p = new ConsoleProgress(new ProgressConsole(new PrintWriter(text), ProgressConsole.Mode.LINES, () -> now, 80),
                "regress x");
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
                accelgen: regress x: 3 cases, 1 done by an earlier run, estimated 30s
                regress: started 2 case(s) of g (batch s1of1/t/g/0)
                accelgen: [2/3] PASS g/c0 (10s elapsed, ETA 20s)
                accelgen: [3/3] FAIL g/c1: FAIL first mismatch at cycle 2 (20s elapsed, ETA 10s, 1 failed)
                accelgen: regress x: 3/3 cases in 20s, 1 failed
                """, text.toString());
    }

    @Test
    void oneStatusLineOnATerminalWithFailuresAboveIt() {
        StringWriter text = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new ProgressConsole(new PrintWriter(text), ProgressConsole.Mode.BAR, () -> now, 80),
                "regress x");
        p.started(2, 0, 100, 50);
        now = 5_000_000_000L;
        p.caseFinished(result("g/c0", CaseVerdict.Status.PASS), 25);
        now = 6_000_000_000L;
        p.caseFinished(result("g/c1", CaseVerdict.Status.FAIL), 25); // redrawn by the next timer beat, not within 0.1 s
        p.finished();
        assertEquals("\r\033[Kregress x [--------------------] 0/2 cases 0% 0s ETA 50s"
                + "\r\033[Kregress x [##########----------] 1/2 cases 50% 5s ETA 15s"
                + "\r\033[KFAIL g/c1: FAIL first mismatch at cycle 2\n"
                + "\r\033[Kregress x [##########----------] 1/2 cases 50% 6s ETA 18s, 1 failed"
                + "\r\033[Kaccelgen: regress x: 2/2 cases in 6s, 1 failed\n", text.toString());
    }
}
