package dev.accelgen.pe.systolic;

import dev.accelgen.sim.Acceptance;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.Trace;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bit- and cycle-exact model of {@link SystolicArray}: each beat is offered {@code idleBefore} cycles after the
 * previous acceptance and accepted in the first cycle {@link SystolicCycle#ready} allows; {@link SystolicCycle}
 * gives the per-PE accumulators (persisting across tiles unless {@code first} clears them, wrapping at
 * {@code accBits}) and the drain timing {@code accept(last) + 2r + c + 1}.
 */
public final class SystolicGolden implements GoldenModel {
    private static final String[] A_PORTS = names("a_");
    private static final String[] B_PORTS = names("b_");
    private final SystolicConfig cfg;

    private static String[] names(String prefix) {
        String[] n = new String[128];
        for (int i = 0; i < n.length; i++) {
            n[i] = prefix + i;
        }
        return n;
    }

    public SystolicGolden(SystolicConfig cfg) {
        this.cfg = cfg;
    }

    /** Integer value of a port's bit pattern under the configured signedness. */
    private long operand(BigInteger pattern, int bits) {
        long v = pattern.longValueExact();
        return cfg.signed() && v >= 1L << (bits - 1) ? v - (1L << bits) : v;
    }

    @Override
    public Trace run(Stimulus stimulus) {
        List<Beat> beats = stimulus.stream("in").beats();
        SystolicCycle array = new SystolicCycle(cfg);
        List<OutputEvent> events = new ArrayList<>();
        List<Acceptance> accepted = new ArrayList<>();
        long offered = beats.isEmpty() ? Long.MAX_VALUE : beats.get(0).idleBefore();
        long drainEnd = 0;
        int next = 0;
        for (long cycle = 0; next < beats.size() || cycle < drainEnd; cycle++) {
            SystolicCycle.Beat in = null;
            if (next < beats.size() && cycle >= offered) {
                SystolicCycle.Beat b = beat(beats.get(next).values());
                if (array.ready(b.last())) {
                    in = b;
                    accepted.add(new Acceptance(cycle, "in", next));
                    next++;
                    offered = next < beats.size() ? cycle + 1 + beats.get(next).idleBefore() : Long.MAX_VALUE;
                    if (b.last()) {
                        drainEnd = cycle + 2L * cfg.rows() + cfg.cols();
                    }
                }
            }
            SystolicCycle.Drain out = array.step(in);
            for (int c = 0; out != null && c < cfg.cols(); c++) {
                if (out.valid()[c]) {
                    events.add(new OutputEvent(cycle, "out_" + c, Map.of("out_" + c, BigInteger.valueOf(out.value()[c]))));
                }
            }
        }
        return Trace.of(events, accepted);
    }

    private SystolicCycle.Beat beat(Map<String, BigInteger> v) {
        long[] a = new long[cfg.rows()];
        for (int r = 0; r < cfg.rows(); r++) {
            a[r] = operand(v.get(A_PORTS[r]), cfg.aBits());
        }
        long[] w = new long[cfg.cols()];
        for (int c = 0; c < cfg.cols(); c++) {
            w[c] = operand(v.get(B_PORTS[c]), cfg.wBits());
        }
        return new SystolicCycle.Beat(v.get("in_first").signum() != 0, v.get("in_last").signum() != 0, a, w);
    }
}
