package dev.accelgen.sim.cocotb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.Fixtures;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.MacGolden;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.Trace;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.verilator.RunLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs the .venv from scripts/ensure-tools.sh and Icarus. */
class CocotbRunnerTest {
    private static final RunLimits LIMITS = new RunLimits(4, 20, 100_000);

    @Test
    void macRunsUnderCocotbAndMatchesTheGoldenModel(@TempDir Path dir) {
        long seed = 31;
        System.out.println("seed=" + seed);
        Manifest m = Fixtures.manifest("mac", "mac_pipe");
        Stimulus s = MacGolden.randomStimulus(15, seed, 3);
        Trace golden = new MacGolden(3).run(s);
        CocotbResult r = CocotbRunner.run(m, new MacGolden(3), s, LIMITS, dir);
        assertTrue(r.passed(), r.summaryLine() + "\n" + r.log());
        assertEquals("PASS outputs=15 rtl_cycles=" + golden.totalCycles() + " golden_cycles=" + golden.totalCycles(),
                r.summaryLine());
        assertEquals(golden, r.actual());
    }

    @Test
    void brokenGoldenModelIsCaughtUnderCocotb(@TempDir Path dir) {
        Manifest m = Fixtures.manifest("mac", "mac_pipe");
        Stimulus s = MacGolden.randomStimulus(5, 32, 0);
        GoldenModel early = st -> {
            Trace t = new MacGolden(0).run(st);
            List<OutputEvent> e = new ArrayList<>();
            t.events().forEach(x -> e.add(new OutputEvent(x.cycle() - 1, x.stream(), x.values())));
            return t.withEvents(e, t.totalCycles() - 1);
        };
        CocotbResult r = CocotbRunner.run(m, early, s, LIMITS, dir);
        OutputEvent first = new MacGolden(0).run(s).events().get(0);
        assertFalse(r.passed());
        assertEquals("FAIL first mismatch at cycle " + (first.cycle() - 1) + " stream out port out_acc: expected "
                + first.values().get("out_acc") + " actual none (seed 32)", r.summaryLine());
    }
}
