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
 * Bit- and cycle-exact model of {@link TernaryUnit}: every beat is accepted when offered; the
 * {@code last} beat's accumulated {@link BitLinearArith#laneSum} leaves {@link TernaryConfig#latency()}
 * cycles after its acceptance.
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
        List<OutputEvent> events = new ArrayList<>();
        long acc = 0;
        for (int k = 0; k < beats.size(); k++) {
            Map<String, java.math.BigInteger> v = beats.get(k).values();
            int[] a = new int[cfg.lanes()];
            for (int i = 0; i < a.length; i++) {
                a[i] = (int) Ports.signed(v.get("a_" + i), cfg.aBits());
            }
            acc = BitLinearArith.accumulate(acc, BitLinearArith.laneSum(weights(v), a));
            if (v.get("in_last").signum() != 0) {
                events.add(new OutputEvent(accept[k] + cfg.latency(), "out",
                        Map.of("out", Ports.bits(acc, BitLinearArith.ACC_BITS))));
                acc = 0;
            }
        }
        return Trace.of(events, Acceptance.of("in", accept));
    }
}
