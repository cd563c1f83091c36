package dev.accelgen.pe.systolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Trace;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The golden model against hand-computed matrices and the documented drain timing. */
class SystolicGoldenTest {
    private static OutputEvent ev(long cycle, int col, long value) {
        return new OutputEvent(cycle, "out_" + col, Map.of("out_" + col, BigInteger.valueOf(value)));
    }

    @Test
    void twoByTwoProductAppearsAtTwoRPlusCPlusOneAfterTheLastBeat() {
        SystolicConfig cfg = SystolicConfig.int8(2, 2);
        // [[1,2],[3,4]] x [[5,6],[7,8]] = [[19,22],[43,50]]; the last beat is accepted in cycle 1.
        Trace t = new SystolicGolden(cfg).run(SystolicStimulus.tile(cfg, new long[][] {{1, 2}, {3, 4}},
                new long[][] {{5, 6}, {7, 8}}));
        assertEquals(List.of(ev(2, 0, 19), ev(3, 1, 22), ev(4, 0, 43), ev(5, 1, 50)), t.events());
        assertEquals(6, t.totalCycles());
    }

    @Test
    void signedOperandsAndAccumulatorWrapAreTwoComplement() {
        SystolicConfig cfg = new SystolicConfig(1, 1, 8, 8, 16, true);
        // (-128 * -128) + (-128 * -128) = 32768, which wraps to 0x8000 in 16 bits.
        Trace t = new SystolicGolden(cfg).run(SystolicStimulus.tile(cfg, new long[][] {{-128, -128}},
                new long[][] {{-128}, {-128}}));
        assertEquals(List.of(ev(2, 0, 0x8000)), t.events());
        SystolicConfig u = new SystolicConfig(1, 1, 8, 8, 16, false);
        Trace tu = new SystolicGolden(u).run(SystolicStimulus.tile(u, new long[][] {{255}}, new long[][] {{255}}));
        assertEquals(List.of(ev(1, 0, 65025)), tu.events());
    }

    @Test
    void aSecondLastBeatWaitsTwoRowsMinusOneCycles() {
        SystolicConfig cfg = SystolicConfig.int8(3, 1);
        long[][] a = {{1}, {1}, {1}};
        long[][] b = {{2}};
        var one = SystolicStimulus.tile(cfg, a, b).streams().get(0).beats();
        var twice = new dev.accelgen.sim.Stimulus(List.of(new dev.accelgen.sim.StreamStimulus("in",
                List.of(one.get(0), one.get(0)))), 7);
        Trace t = new SystolicGolden(cfg).run(twice);
        // First tile: last accepted at 0 -> rows at 1, 3, 5. Second: accepted at 0 + 5 -> 6, 8, 10.
        assertEquals(List.of(1L, 3L, 5L, 6L, 8L, 10L), t.events().stream().map(OutputEvent::cycle).toList());
    }

    @Test
    void configurationOutOfRangeNamesTheParameter() {
        ConfigError e = assertThrows(ConfigError.class,
                () -> new SystolicConfig(4, 4, 8, 8, 12, true));
        assertEquals("acc-bits must be in 16..48 (got 12)", e.getMessage());
    }
}
