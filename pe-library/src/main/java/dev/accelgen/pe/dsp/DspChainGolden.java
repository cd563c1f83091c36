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
 * {@link DspChainConfig#latency()} cycles after acceptance, as 32-bit patterns. No DSP is modelled here:
 * lane packing, cascade and skew must reproduce plain arithmetic.
 */
public final class DspChainGolden implements GoldenModel {
    private final DspChainConfig cfg;

    public DspChainGolden(DspChainConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public Trace run(Stimulus stimulus) {
        List<long[]> modeWrites = new ArrayList<>();
        List<Acceptance> accepted = new ArrayList<>();
        if (cfg.sparse()) {
            List<Beat> modes = stimulus.stream("cfg").beats();
            long[] at = AlwaysReadyInput.acceptCycles(modes);
            for (int i = 0; i < at.length; i++) {
                modeWrites.add(new long[] {at[i], modes.get(i).values().get("cfg_mode").longValueExact()});
            }
            accepted.addAll(Acceptance.of("cfg", at));
        }
        List<OutputEvent> events = new ArrayList<>();
        List<Beat> beats = stimulus.stream("in").beats();
        long[] at = AlwaysReadyInput.acceptCycles(beats);
        accepted.addAll(Acceptance.of("in", at));
        int nextWrite = 0;
        boolean sparseMode = false;
        for (int i = 0; i < beats.size(); i++) {
            Beat beat = beats.get(i);
            long cycle = at[i];
            while (nextWrite < modeWrites.size() && modeWrites.get(nextWrite)[0] < cycle) {
                sparseMode = modeWrites.get(nextWrite)[1] != 0;
                nextWrite++;
            }
            long[] y = dot(beat.values(), sparseMode);
            Map<String, BigInteger> out = new LinkedHashMap<>();
            for (int lane = 0; lane < y.length; lane++) {
                out.put("y_" + lane, BigInteger.valueOf(y[lane] & 0xFFFFFFFFL));
            }
            events.add(new OutputEvent(cycle + cfg.latency(), "out", out));
        }
        return Trace.of(events, accepted);
    }

    /** The lanes' dot products for one beat. */
    long[] dot(Map<String, BigInteger> v, boolean sparseMode) {
        Packing pk = cfg.packing();
        long[] y = new long[pk.lanes()];
        for (int k = 0; k < cfg.length(); k++) {
            int source = k;
            if (sparseMode) {
                int index = v.get("idx_" + cfg.indexFieldOf(k)).intValueExact();
                if (index >= cfg.indexChoices()) {
                    throw new IllegalArgumentException("idx_" + cfg.indexFieldOf(k) + " = " + index + " exceeds the "
                            + cfg.indexChoices() + " choices of sparsity " + cfg.sparsity().spec());
                }
                source = cfg.sparseSource(k, index);
            }
            for (int lane = 0; lane < y.length; lane++) {
                long x = signed(v.get(pk.activationPorts().get(pk.laneActivation(lane)) + "_" + source), pk.bits());
                long w = signed(v.get(pk.weightPorts().get(pk.laneWeight(lane)) + "_" + k), pk.bits());
                y[lane] += w * x;
            }
        }
        return y;
    }

    private static long signed(BigInteger pattern, int bits) {
        return Dsp48e2Model.sext(pattern.longValueExact(), bits);
    }
}
