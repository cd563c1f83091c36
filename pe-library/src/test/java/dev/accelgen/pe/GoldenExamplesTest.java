package dev.accelgen.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MixPeGolden;
import dev.accelgen.pe.mlgru.MlgruConfig;
import dev.accelgen.pe.mlgru.MlgruGolden;
import dev.accelgen.pe.rmsnorm.RmsNormConfig;
import dev.accelgen.pe.rmsnorm.RmsNormGolden;
import dev.accelgen.pe.ternary.Packing;
import dev.accelgen.pe.ternary.TernaryConfig;
import dev.accelgen.pe.ternary.TernaryGolden;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.Trace;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden models on hand-computed examples: values and cycles worked out on paper. */
class GoldenExamplesTest {
    private static Beat beat(int idle, Object... kv) {
        Map<String, BigInteger> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], BigInteger.valueOf(((Number) kv[i + 1]).longValue()));
        }
        return new Beat(idle, m);
    }

    private static Stimulus in(Beat... beats) {
        return new Stimulus(List.of(new StreamStimulus("in", List.of(beats))), -1);
    }

    private static void event(Trace t, int index, long cycle, Object... kv) {
        OutputEvent e = t.events().get(index);
        assertEquals(cycle, e.cycle());
        for (int i = 0; i < kv.length; i += 2) {
            assertEquals(BigInteger.valueOf(((Number) kv[i + 1]).longValue()), e.values().get((String) kv[i]), (String) kv[i]);
        }
    }

    @Test
    void ternaryTwoBeats() {
        // beat 0 at cycle 0: 5*(+1) + (-3)*(-1) = 8; beat 1 at cycle 3: (-128)*(-1) + 7*(code 0b10 = 0) = 128
        Trace t = new TernaryGolden(new TernaryConfig(2, 8, Packing.TWO_BIT)).run(in(
                beat(0, "in_last", 0, "a_0", 5, "a_1", 0xfd, "w_0", 0b01, "w_1", 0b11),
                beat(2, "in_last", 1, "a_0", 0x80, "a_1", 7, "w_0", 0b11, "w_1", 0b10)));
        assertEquals(1, t.events().size());
        event(t, 0, 3 + 2, "out", 136);
        assertEquals(6, t.totalCycles());
    }

    @Test
    void mixpeIntAndFp16Groups() {
        // q = {3, 0}, a = {10, -4}, zp = 1: dot 30, actSum 6, corr 24; scale 0.5 -> 12.0 = 3072 in Q.8
        Trace t = new MixPeGolden(new MixPeConfig(4, ActType.INT8, 2, 2)).run(in(
                beat(0, "in_last", 1, "a_0", 10, "a_1", 0xfc, "w_0_0", 3, "w_0_1", 0, "scale_0_0", 32768, "zp_0_0", 1)));
        event(t, 0, 4, "out_0", 3072);
        // 1.0 and 0.5 align to E = 15 as 1024 and 512; q = {2, 4}: 0.5 * (2 + 2) = 2.0 = 512 in Q.8
        Trace f = new MixPeGolden(new MixPeConfig(4, ActType.FP16, 2, 2)).run(in(
                beat(1, "in_last", 1, "a_0", 0x3C00, "a_1", 0x3800, "w_0_0", 2, "w_0_1", 4, "scale_0_0", 32768, "zp_0_0", 0)));
        event(f, 0, 1 + 5, "out_0", 512);
    }

    @Test
    void mlgruKeepsStatePerPosition() {
        // sigmoid(-8) = 0, sigmoid(8) = 1, silu(1.0) = 1.0 * 0.75 = 3072 (Q3.12), sigmoid(0) = 0.5
        Trace t = new MlgruGolden(new MlgruConfig(1, 2)).run(in(
                beat(0, "in_clear", 1, "f_0", 0x8000, "c_0", 4096, "g_0", 0x7fff),
                beat(0, "in_clear", 0, "f_0", 0x8000, "c_0", 4096, "g_0", 0x7fff),
                beat(0, "in_clear", 0, "f_0", 0x7fff, "c_0", 0, "g_0", 0)));
        event(t, 0, 3, "h_0", 3072, "o_0", 3072);
        event(t, 1, 4, "h_0", 3072, "o_0", 3072);
        // position 0 again: f = 1 keeps h = 3072; o = 0.5 * h
        event(t, 2, 5, "h_0", 3072, "o_0", 1536);
    }

    @Test
    void rmsnormBackpressureAndValues() {
        // x = (3, 4): m = 25/2 + 1 = 13, k = 1, seed idx 72 -> y0 = 36266, y1 = 36352;
        // y = roundShift(x * 36352, 6) = 1704, 2272 (float: 1704.04, 2272.05)
        Trace t = new RmsNormGolden(new RmsNormConfig(2, 1, 1)).run(in(
                beat(0, "x_0", 3), beat(0, "x_0", 4), beat(0, "x_0", 0), beat(0, "x_0", 0)));
        // last beat at T = 1: outputs at T + 7 + j; ready again at T + 6 + 2 = 9
        event(t, 0, 8, "y_0", 1704);
        event(t, 1, 9, "y_0", 2272);
        // the next vector waits: accepted at 9 and 10, outputs at 17 and 18 (all zeros: only eps)
        event(t, 2, 17, "y_0", 0);
        event(t, 3, 18, "y_0", 0);
    }
}
