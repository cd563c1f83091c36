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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bit- and cycle-exact model of {@link MixPeUnit}: every beat is accepted when offered; each column's
 * groups of a beat contribute {@link MixPeArith#groupOutput}; on the {@code last} beat all columns leave
 * {@link MixPeConfig#latency()} cycles after its acceptance.
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
        List<OutputEvent> events = new ArrayList<>();
        long[] acc = new long[cfg.cols()];
        for (int k = 0; k < beats.size(); k++) {
            Map<String, BigInteger> v = beats.get(k).values();
            int[] act = new int[cfg.lanes()];
            for (int i = 0; i < cfg.lanes(); i++) {
                BigInteger raw = v.get("a_" + i);
                act[i] = cfg.aType() == ActType.FP16 ? raw.intValue() : (int) Ports.signed(raw, cfg.aType().portBits());
            }
            for (int col = 0; col < cfg.cols(); col++) {
                int[] q = new int[cfg.lanes()];
                for (int i = 0; i < cfg.lanes(); i++) {
                    q[i] = v.get("w_" + col + "_" + i).intValue();
                }
                for (int g = 0; g < cfg.groupsPerBeat(); g++) {
                    int from = g * cfg.group();
                    int to = from + cfg.group();
                    long out = MixPeArith.groupOutput(cfg.aType(), Arrays.copyOfRange(q, from, to), Arrays.copyOfRange(act, from, to),
                            v.get("scale_" + col + "_" + g).intValue(), v.get("zp_" + col + "_" + g).intValue());
                    acc[col] = MixPeArith.accumulate(acc[col], out);
                }
            }
            if (v.get("in_last").signum() != 0) {
                Map<String, BigInteger> out = new LinkedHashMap<>();
                for (int col = 0; col < cfg.cols(); col++) {
                    out.put("out_" + col, Ports.bits(acc[col], MixPeArith.ACC_BITS));
                    acc[col] = 0;
                }
                events.add(new OutputEvent(accept[k] + cfg.latency(), "out", out));
            }
        }
        return Trace.of(events, Acceptance.of("in", accept));
    }
}
