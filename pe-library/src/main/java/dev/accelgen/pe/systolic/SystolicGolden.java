package dev.accelgen.pe.systolic;

import dev.accelgen.sim.Acceptance;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.GoldenModel;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.Trace;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Transaction-level model of {@link SystolicArray}: the same acceptance rule for {@code last} beats, the
 * same per-PE accumulators (which persist across tiles unless {@code first} clears them), wrapping at
 * {@code accBits}, and the drain timing {@code accept(last) + 2r + c + 1}.
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
        long mask = (1L << cfg.accBits()) - 1;
        long[][] acc = new long[cfg.rows()][cfg.cols()];
        List<OutputEvent> events = new ArrayList<>();
        List<Acceptance> accepted = new ArrayList<>();
        long previousAccept = -1;
        long previousLast = Long.MIN_VALUE / 2;
        for (Beat beat : stimulus.stream("in").beats()) {
            Map<String, BigInteger> v = beat.values();
            boolean first = v.get("in_first").signum() != 0;
            boolean last = v.get("in_last").signum() != 0;
            long accept = previousAccept + 1 + beat.idleBefore();
            if (last && cfg.rows() > 1) {
                accept = Math.max(accept, previousLast + cfg.lastBeatSpacing());
            }
            accepted.add(new Acceptance(accept, "in", accepted.size()));
            long[] w = new long[cfg.cols()];
            for (int c = 0; c < cfg.cols(); c++) {
                w[c] = operand(v.get(B_PORTS[c]), cfg.wBits());
            }
            for (int r = 0; r < cfg.rows(); r++) {
                long a = operand(v.get(A_PORTS[r]), cfg.aBits());
                long[] row = acc[r];
                for (int c = 0; c < cfg.cols(); c++) {
                    row[c] = ((first ? 0 : row[c]) + a * w[c]) & mask;
                }
            }
            if (last) {
                for (int r = 0; r < cfg.rows(); r++) {
                    for (int c = 0; c < cfg.cols(); c++) {
                        events.add(new OutputEvent(accept + 2L * r + c + 1, "out_" + c,
                                Map.of("out_" + c, BigInteger.valueOf(acc[r][c]))));
                    }
                }
                previousLast = accept;
            }
            previousAccept = accept;
        }
        events.sort(Comparator.comparingLong(OutputEvent::cycle)
                .thenComparingInt(e -> Integer.parseInt(e.stream().substring("out_".length()))));
        return Trace.of(events, accepted);
    }
}
