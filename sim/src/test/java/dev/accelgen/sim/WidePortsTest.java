package dev.accelgen.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.sim.verilator.RtlRun;
import dev.accelgen.sim.verilator.VerilatorModel;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports of 3, 12 (signed), 40 and 100 bits, a static 40-bit input, an async active-low reset. */
class WidePortsTest {
    @Test
    void everyWidthRoundTripsBitExact() {
        VerilatorModel m = VerilatorModel.build(Fixtures.manifest("wide", "wide_regs"));
        BigInteger all100 = BigInteger.ONE.shiftLeft(100).subtract(BigInteger.ONE);
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        Stimulus s = new Stimulus(List.of(new StreamStimulus("in", List.of(
                new Beat(0, Fixtures.values("in_x", all100, "in_y", 0x123456789aL, "in_z", -2048, "in_w", 5)),
                new Beat(2, Fixtures.values("in_x", two64, "in_y", 0, "in_z", 7, "in_w", 7))))),
                11, Fixtures.values("key", 0xff00ff00ffL), List.of());
        RtlRun run = m.run(s);
        assertEquals(List.of(
                new OutputEvent(1, "out", Fixtures.values("out_x", 0, "out_y", 0x123456789aL ^ 0xff00ff00ffL,
                        "out_z", -2048, "out_w", 5)),
                new OutputEvent(4, "out", Fixtures.values("out_x", two64.add(BigInteger.ONE), "out_y", 0xff00ff00ffL,
                        "out_z", -7, "out_w", 7))), run.trace().events());
        assertEquals(List.of(new Acceptance(0, "in", 0), new Acceptance(3, "in", 1)), run.acceptances());
        assertEquals(5, run.trace().totalCycles());
    }

    @Test
    void unitWithoutResetOrStreamsRunsItsBehaviouralModelUntilIdle() {
        // fixtures/dsp: reset null, no streams, DSP48E2 simulated from sim_files.
        VerilatorModel m = VerilatorModel.build(Fixtures.manifest("dsp", "dsp_mul"));
        RtlRun run = m.run(new Stimulus(List.of(), 3, Fixtures.values("a", 5, "b", 7), List.of()));
        assertEquals(List.of(), run.trace().events());
        assertEquals(100, run.cyclesRun()); // no activity at all: stops after idle_limit cycles
        assertEquals(false, run.timedOut());
    }
}
