package dev.accelgen.pe.mixpe;

import dev.accelgen.pe.stream.AlwaysReadyInput;
import dev.accelgen.pe.stream.Ports;
import dev.accelgen.sim.Acceptance;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.Trace;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bit- and cycle-exact model of {@link MixPeUnit}: every beat is accepted when offered and stepped through
 * {@link MixPeCycle}; on the {@code last} beat all columns leave {@link MixPeConfig#latency()} cycles after
 * its acceptance.
 */
public final class MixPeGolden implements GoldenModel {
    private final MixPeConfig cfg;

    public MixPeGolden(MixPeConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public Trace run(Stimulus stimulus) {
        List<Beat> beats = stimulus.stream("in").beats();
        long[] accept = AlwaysReadyInput.acceptCycles(beats);
        MixPeCycle unit = new MixPeCycle(cfg);
        List<OutputEvent> events = new ArrayList<>();
        long end = beats.isEmpty() ? 0 : accept[beats.size() - 1] + cfg.latency() + 1;
        int next = 0;
        for (long cycle = 0; cycle < end; cycle++) {
            MixPeCycle.Beat in = null;
            if (next < beats.size() && accept[next] == cycle) {
                in = beat(beats.get(next++).values());
            }
            long[] out = unit.step(in);
            if (out != null) {
                Map<String, BigInteger> values = new LinkedHashMap<>();
                for (int col = 0; col < cfg.cols(); col++) {
                    values.put("out_" + col, Ports.bits(out[col], MixPeArith.ACC_BITS));
                }
                events.add(new OutputEvent(cycle, "out", values));
            }
        }
        return Trace.of(events, Acceptance.of("in", accept));
    }

    private MixPeCycle.Beat beat(Map<String, BigInteger> v) {
        int[] act = new int[cfg.lanes()];
        for (int i = 0; i < cfg.lanes(); i++) {
            BigInteger raw = v.get("a_" + i);
            act[i] = cfg.aType() == ActType.FP16 ? raw.intValue() : (int) Ports.signed(raw, cfg.aType().portBits());
        }
        int[][] w = new int[cfg.cols()][cfg.lanes()];
        int[][] scale = new int[cfg.cols()][cfg.groupsPerBeat()];
        int[][] zp = new int[cfg.cols()][cfg.groupsPerBeat()];
        for (int col = 0; col < cfg.cols(); col++) {
            for (int i = 0; i < cfg.lanes(); i++) {
                w[col][i] = v.get("w_" + col + "_" + i).intValue();
            }
            for (int g = 0; g < cfg.groupsPerBeat(); g++) {
                scale[col][g] = v.get("scale_" + col + "_" + g).intValue();
                zp[col][g] = v.get("zp_" + col + "_" + g).intValue();
            }
        }
        return new MixPeCycle.Beat(v.get("in_last").signum() != 0, act, w, scale, zp);
    }
}
