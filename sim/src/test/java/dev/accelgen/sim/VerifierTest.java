package dev.accelgen.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.verilator.RtlRun;
import dev.accelgen.sim.verilator.RunLimits;
import dev.accelgen.sim.verilator.VerilatorModel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VerifierTest {
    private static VerilatorModel mac;

    @BeforeAll
    static void build() {
        mac = VerilatorModel.build(Fixtures.manifest("mac", "mac_pipe"));
    }

    private static Stimulus twoBeats(int idleFirst) {
        return new Stimulus(List.of(new StreamStimulus("in", List.of(
                new Beat(idleFirst, Fixtures.values("in_a", 3, "in_b", 4, "in_last", 0)),
                new Beat(0, Fixtures.values("in_a", -2, "in_b", 5, "in_last", 1))))), 42);
    }

    @Test
    void rtlFollowsTheCycleConvention() {
        // Beat 0 valid from cycle 3, but in_ready is low in cycle 3: accepted at 4; beat 1 at 5; sum 12-10=2 at 7.
        RtlRun run = mac.run(twoBeats(3));
        assertEquals(List.of(new Acceptance(4, "in", 0), new Acceptance(5, "in", 1)), run.acceptances());
        assertEquals(List.of(new OutputEvent(7, "out", Fixtures.values("out_acc", 2))), run.trace().events());
        assertEquals(8, run.trace().totalCycles());
        assertFalse(run.timedOut());
        assertEquals(7 + 100 + 1, run.cyclesRun()); // last event at 7, stop after 100 quiet cycles (107)
    }

    @Test
    void staticInputsAreApplied() {
        Stimulus s = new Stimulus(twoBeats(0).streams(), 1, Fixtures.values("shift", 1), List.of());
        // Accepted at 0 and 1; (12 - 10) >>> 1 = 1 at cycle 3.
        assertEquals(List.of(new OutputEvent(3, "out", Fixtures.values("out_acc", 1))), mac.run(s).trace().events());
    }

    @Test
    void randomVectorsPassAgainstTheGoldenModel() {
        for (long seed : new long[] {1, 2, 3}) {
            System.out.println("seed=" + seed);
            int shift = (int) (seed * 3 % 8);
            Stimulus s = MacGolden.randomStimulus(200, seed, shift);
            VerifyResult r = Verifier.verify(mac, new MacGolden(shift), s, RunLimits.DEFAULT);
            assertTrue(r.passed(), r.summaryLine());
            assertEquals(200, r.rtl().trace().events().size());
            assertEquals("PASS outputs=200 rtl_cycles=" + r.golden().totalCycles() + " golden_cycles="
                    + r.golden().totalCycles(), r.summaryLine());
        }
    }

    @Test
    void wrongValueIsCaught() {
        GoldenModel broken = s -> shiftValues(new MacGolden(0).run(s), 1);
        VerifyResult r = Verifier.verify(mac, broken, twoBeats(0), RunLimits.DEFAULT);
        assertFalse(r.passed());
        assertEquals("FAIL first mismatch at cycle 3 stream out port out_acc: expected 3 actual 2 (seed 42)", r.summaryLine());
    }

    @Test
    void lateEventIsCaughtAsMissingThenExtra() {
        GoldenModel late = s -> {
            Trace t = new MacGolden(0).run(s);
            List<OutputEvent> moved = new ArrayList<>();
            t.events().forEach(e -> moved.add(new OutputEvent(e.cycle() + 1, e.stream(), e.values())));
            return t.withEvents(moved, t.totalCycles() + 1);
        };
        VerifyResult r = Verifier.verify(mac, late, twoBeats(0), RunLimits.DEFAULT);
        assertEquals("FAIL first mismatch at cycle 3 stream out port out_acc: expected none actual 2 (seed 42)", r.summaryLine());
        assertEquals("next expected event on out is at cycle 4", r.detail());
    }

    @Test
    void missingEventAndWrongTotalAreCaught() {
        GoldenModel silent = s -> new MacGolden(0).run(s).withEvents(List.of(), 0);
        GoldenModel extra = s -> {
            Trace t = new MacGolden(0).run(s);
            List<OutputEvent> more = new ArrayList<>(t.events());
            more.add(new OutputEvent(9, "out", Fixtures.values("out_acc", 7)));
            return t.withEvents(more, 10);
        };
        GoldenModel longer = s -> {
            Trace t = new MacGolden(0).run(s);
            return t.withEvents(t.events(), 5);
        };
        assertEquals("FAIL first mismatch at cycle 3 stream out port out_acc: expected none actual 2 (seed 42)",
                Verifier.verify(mac, silent, twoBeats(0), RunLimits.DEFAULT).summaryLine());
        assertEquals("FAIL first mismatch at cycle 9 stream out port out_acc: expected 7 actual none (seed 42)",
                Verifier.verify(mac, extra, twoBeats(0), RunLimits.DEFAULT).summaryLine());
        assertEquals("FAIL total cycles: expected 5 actual 4 (seed 42)",
                Verifier.verify(mac, longer, twoBeats(0), RunLimits.DEFAULT).summaryLine());
    }

    @Test
    void timeoutIsReported() {
        // Cut off after cycle 4: beat 1 (accepted at 5) never is, the earliest mismatch.
        VerifyResult cut = Verifier.verify(mac, new MacGolden(0), twoBeats(3), new RunLimits(4, 100, 5));
        assertEquals("FAIL input beat 1 of stream in never accepted, expected cycle 5 (seed 42)", cut.summaryLine());
        // Cut off after cycle 7: everything the golden model predicts happened, but the run did not end.
        VerifyResult r = Verifier.verify(mac, new MacGolden(0), twoBeats(3), new RunLimits(4, 100, 8));
        assertEquals("FAIL timeout: the RTL was still busy after 8 cycles (seed 42)", r.summaryLine());
        assertTrue(r.rtl().timedOut());
        assertEquals(8, r.rtl().cyclesRun());
    }

    @Test
    void acceptanceCyclesAreCompared() {
        // Beat 0 is valid from cycle 3 but in_ready is low in cycle 3: a golden model that misses the stall is caught.
        GoldenModel optimistic = s -> {
            Trace t = new MacGolden(0).run(s);
            List<Acceptance> early = new ArrayList<>();
            t.acceptances().forEach(a -> early.add(new Acceptance(a.cycle() - 1, a.stream(), a.beat())));
            return new Trace(t.events(), t.totalCycles(), early, t.writes());
        };
        assertEquals("FAIL input beat 0 of stream in accepted at cycle 4, expected 3 (seed 42)",
                Verifier.verify(mac, optimistic, twoBeats(3), RunLimits.DEFAULT).summaryLine());
        GoldenModel silentOnInputs = s -> {
            Trace t = new MacGolden(0).run(s);
            return new Trace(t.events(), t.totalCycles(), List.of(), t.writes());
        };
        assertEquals("FAIL input beat 0 of stream in accepted at cycle 4, expected never (seed 42)",
                Verifier.verify(mac, silentOnInputs, twoBeats(3), RunLimits.DEFAULT).summaryLine());
    }

    @Test
    void verifierRunsAtLeastUntilTheGoldenModelsLastEvent() {
        // With idleLimit 1 a bare run stops one cycle after the last acceptance (5) and misses the
        // event at 7; the verifier extends the run past the golden trace's end.
        RunLimits impatient = new RunLimits(4, 1, 1000);
        RtlRun bare = mac.run(twoBeats(3), impatient);
        assertEquals(List.of(), bare.trace().events());
        assertEquals(7, bare.cyclesRun());
        VerifyResult r = Verifier.verify(mac, new MacGolden(0), twoBeats(3), impatient);
        assertEquals("PASS outputs=1 rtl_cycles=8 golden_cycles=8", r.summaryLine());
        assertEquals(9, r.rtl().cyclesRun());
    }

    @Test
    void outOfRangeStimulusIsRejectedWithOneLine() {
        Stimulus bad = new Stimulus(List.of(new StreamStimulus("in", List.of(
                new Beat(0, Fixtures.values("in_a", 128, "in_b", 0, "in_last", 1))))), 5);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> mac.run(bad));
        assertEquals("stream 'in' beat 0: value 128 for port 'in_a' is out of range -2^7..2^7-1 (signed 8 bits)",
                e.getMessage());
    }

    private static Trace shiftValues(Trace t, int delta) {
        List<OutputEvent> out = new ArrayList<>();
        for (OutputEvent e : t.events()) {
            out.add(new OutputEvent(e.cycle(), e.stream(), Map.of("out_acc",
                    e.values().get("out_acc").add(BigInteger.valueOf(delta)))));
        }
        return t.withEvents(out, t.totalCycles());
    }

    static Manifest macManifest() {
        return Fixtures.manifest("mac", "mac_pipe");
    }
}
