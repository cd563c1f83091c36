package dev.accelgen.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.stress.Stress;
import dev.accelgen.sim.verilator.RtlRun;
import dev.accelgen.sim.verilator.RunLimits;
import dev.accelgen.sim.verilator.VerilatorModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What stress costs the Verilator harness per simulated cycle: the same runs with and without junk on idle
 * inputs and ready stalls, on the smallest fixture (harness overhead dominates) and on the 100-bit one
 * (wide junk). Not part of the default test run (see sim/pom.xml).
 */
@Tag("bench")
class HarnessSpeedBenchmarkTest {
    @Test
    void stressedAndCalmRunsPerSimulatedCycle() {
        VerilatorModel mac = VerilatorModel.build(Fixtures.manifest("mac", "mac_pipe"));
        report("mac_pipe", mac, MacGolden.randomStimulus(40_000, 1, 2));
        VerilatorModel wide = VerilatorModel.build(Fixtures.manifest("wide", "wide_regs"));
        Stimulus w = WideGolden.randomStimulus(1);
        List<Beat> beats = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            beats.addAll(w.stream("in").beats());
        }
        report("wide_regs", wide, new Stimulus(List.of(new StreamStimulus("in", beats)), w.seed(), w.statics(),
                w.memories(), w.stress()));
    }

    private static void report(String name, VerilatorModel model, Stimulus stressed) {
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        long[] cycles = new long[2];
        for (int round = 0; round < 3; round++) {
            int k = 0;
            for (Stimulus s : new Stimulus[] {stressed.withStress(Stress.NONE), stressed}) {
                RtlRun r = model.run(s, RunLimits.DEFAULT);
                assertTrue(!r.timedOut());
                cycles[k] = r.cyclesRun();
                best[k] = Math.min(best[k], r.simSeconds());
                k++;
            }
        }
        System.out.printf("BENCH harness %s: calm %d cycles %.0f ns/cycle, stressed %d cycles %.0f ns/cycle%n", name,
                cycles[0], 1e9 * best[0] / cycles[0], cycles[1], 1e9 * best[1] / cycles[1]);
    }
}
