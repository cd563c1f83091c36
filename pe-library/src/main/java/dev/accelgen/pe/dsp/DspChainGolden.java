package dev.accelgen.pe.dsp;

import dev.accelgen.pe.stream.AlwaysReadyInput;
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
 * The chain's specification: both streams are always ready, so beat i of a stream is accepted
 * {@code idleBefore + 1} cycles after beat i-1; a data beat sees the mode written by the last cfg beat
 * accepted in an earlier cycle (dense before any); its exact integer dot products appear
 * {@link DspChainConfig#latency()} cycles after acceptance, as 32-bit patterns ({@link DspChainCycle}). No DSP
 * is modelled here: lane packing, cascade and skew must reproduce plain arithmetic.
 */
public final class DspChainGolden implements GoldenModel {
    private final DspChainConfig cfg;

    public DspChainGolden(DspChainConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public Trace run(Stimulus stimulus) {
        List<Beat> data = stimulus.stream("in").beats();
        List<Beat> modes = cfg.sparse() ? stimulus.stream("cfg").beats() : List.of();
        long[] dataAt = AlwaysReadyInput.acceptCycles(data);
        long[] modeAt = AlwaysReadyInput.acceptCycles(modes);
        List<Acceptance> accepted = new ArrayList<>();
        if (cfg.sparse()) {
            accepted.addAll(Acceptance.of("cfg", modeAt));
        }
        accepted.addAll(Acceptance.of("in", dataAt));
        long end = Math.max(data.isEmpty() ? 0 : dataAt[data.size() - 1] + cfg.latency() + 1,
                modes.isEmpty() ? 0 : modeAt[modes.size() - 1] + 1);
        DspChainCycle chain = new DspChainCycle(cfg);
        List<OutputEvent> events = new ArrayList<>();
        int nextData = 0;
        int nextMode = 0;
        for (long cycle = 0; cycle < end; cycle++) {
            Boolean mode = null;
            if (nextMode < modes.size() && modeAt[nextMode] == cycle) {
                mode = modes.get(nextMode++).values().get("cfg_mode").longValueExact() != 0;
            }
            DspChainCycle.Beat in = null;
            if (nextData < data.size() && dataAt[nextData] == cycle) {
                in = beat(data.get(nextData++).values());
            }
            long[] y = chain.step(mode, in);
            if (y != null) {
                Map<String, BigInteger> out = new LinkedHashMap<>();
                for (int lane = 0; lane < y.length; lane++) {
                    out.put("y_" + lane, BigInteger.valueOf(y[lane] & 0xFFFFFFFFL));
                }
                events.add(new OutputEvent(cycle, "out", out));
            }
        }
        return Trace.of(events, accepted);
    }

    private DspChainCycle.Beat beat(Map<String, BigInteger> v) {
        Packing pk = cfg.packing();
        long[][] x = new long[pk.activationPorts().size()][cfg.window()];
        for (int a = 0; a < x.length; a++) {
            for (int i = 0; i < cfg.window(); i++) {
                x[a][i] = signed(v.get(pk.activationPorts().get(a) + "_" + i), pk.bits());
            }
        }
        long[][] w = new long[pk.weightPorts().size()][cfg.length()];
        for (int p = 0; p < w.length; p++) {
            for (int k = 0; k < cfg.length(); k++) {
                w[p][k] = signed(v.get(pk.weightPorts().get(p) + "_" + k), pk.bits());
            }
        }
        int[] idx = new int[cfg.sparse() ? cfg.indexFields() : 0];
        for (int f = 0; f < idx.length; f++) {
            idx[f] = v.get("idx_" + f).intValueExact();
        }
        return new DspChainCycle.Beat(x, w, idx);
    }

    private static long signed(BigInteger pattern, int bits) {
        return Dsp48e2Model.sext(pattern.longValueExact(), bits);
    }
}
