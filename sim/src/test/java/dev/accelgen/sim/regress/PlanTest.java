package dev.accelgen.sim.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {
    @Test
    void thePlanAddsCasesAndBatchOverheadsAndSplitsThemOverNodes() {
        Suite suite = SuiteReader.parse("""
                {"suite": "p", "cases": [
                  {"type": "scripted", "group": "alpha", "count": 40},
                  {"type": "scripted", "group": "beta", "count": 17},
                  {"type": "scripted", "group": "gamma", "count": 3}]}""", "p.json", "p");
        List<PlannedCase> cases = ScriptedCaseType.types(Path.of("unused"), 5).expand(suite);
        // 1 s per 10 KB: alpha 79 s, beta 33 s, gamma 6 s; 8 + 4 + 1 batches of at most 5 at 2 s each.
        Plan plan = Plan.of(suite, cases, Estimates.of(cases, new CostModel(2, 0, 0.1, 0)), 1, List.of(1, 8, 64));
        assertEquals(60, plan.cases());
        assertEquals(13, plan.batches());
        assertEquals(144.0, plan.cpuSeconds(), 1e-9);
        assertEquals(144.0, plan.nodes().get(0).wallSeconds(), 1e-9);
        double eight = plan.nodes().get(1).wallSeconds();
        assertTrue(eight >= 144.0 / 8 && eight <= 144.0 / 8 + 5, "8 nodes: " + eight);
        // 64 nodes for 60 cases: one case and one batch overhead each at most, 3 s + 2 s.
        assertEquals(5.0, plan.nodes().get(2).wallSeconds(), 1e-9);
        assertEquals(0.0, plan.nodes().get(2).idlestSeconds(), 1e-9);
        List<String> lines = plan.lines();
        assertEquals("suite p (hash " + suite.shortHash() + "): 60 cases in 13 batches, estimated 2m24s of single-core time"
                + " (cold Verilator builds)", lines.get(0));
        assertEquals("  alpha            40      1m19s      2.0s", lines.get(2));
        assertEquals("    1 node       2m24s   (least loaded node 2m24s)", lines.get(6));
        assertEquals("cost model: batch = 2.00 s + its cases; case = 0.000 s + 0.1000 s/KB of RTL + 0.000 s per KB x Mcycle simulated",
                lines.get(9));
    }
}
