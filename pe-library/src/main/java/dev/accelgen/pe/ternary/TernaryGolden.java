package dev.accelgen.pe.ternary;

import dev.accelgen.pe.stream.AlwaysReadyInput;
import dev.accelgen.pe.stream.Ports;
import dev.accelgen.sim.Acceptance;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bit- and cycle-exact model of {@link TernaryUnit}: every beat is accepted when offered and stepped through
 * {@link TernaryCycle}; the {@code last} beat's accumulated {@link BitLinearArith#laneSum} leaves
 * {@link TernaryConfig#latency()} cycles after its acceptance.
 */
public final class TernaryGolden implements GoldenModel {
    private final TernaryConfig cfg;

    public TernaryGolden(TernaryConfig cfg) {
        this.cfg = cfg;
    }

    /** The ternary weights a beat carries. */
    int[] weights(Map<String, java.math.BigInteger> v) {
        if (cfg.packing() == Packing.TWO_BIT) {
            int[] w = new int[cfg.lanes()];
            for (int i = 0; i < w.length; i++) {
                w[i] = TernaryCodec.decode2(v.get("w_" + i).intValue());
            }
            return w;
        }
        int[] bytes = new int[cfg.weightBytes()];
        for (int j = 0; j < bytes.length; j++) {
            bytes[j] = v.get("wb_" + j).intValue();
        }
        return TernaryCodec.unpackRowBase3(bytes, cfg.lanes());
    }

    @Override
    public Trace run(Stimulus stimulus) {
        List<Beat> beats = stimulus.stream("in").beats();
        long[] accept = AlwaysReadyInput.acceptCycles(beats);
        TernaryCycle unit = new TernaryCycle(cfg);
        List<OutputEvent> events = new ArrayList<>();
        long end = beats.isEmpty() ? 0 : accept[beats.size() - 1] + cfg.latency() + 1;
        int next = 0;
        for (long cycle = 0; cycle < end; cycle++) {
            TernaryCycle.Beat in = null;
            if (next < beats.size() && accept[next] == cycle) {
                Map<String, java.math.BigInteger> v = beats.get(next++).values();
                int[] a = new int[cfg.lanes()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = (int) Ports.signed(v.get("a_" + i), cfg.aBits());
                }
                in = new TernaryCycle.Beat(v.get("in_last").signum() != 0, a, weights(v));
            }
            Long out = unit.step(in);
            if (out != null) {
                events.add(new OutputEvent(cycle, "out", Map.of("out", Ports.bits(out, BitLinearArith.ACC_BITS))));
            }
        }
        return Trace.of(events, Acceptance.of("in", accept));
    }
}
