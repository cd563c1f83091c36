package dev.accelgen.pe.rmsnorm;

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
 * Bit- and cycle-exact model of {@link RmsNormUnit}: a beat offered at cycle o is accepted at
 * max(o, the cycle the unit is ready again); a vector whose last beat is accepted at T yields
 * {@link RmsNormArith#normalize} beat by beat at T + 7 + j and makes the unit ready again at
 * T + 6 + n/lanes.
 */
public final class RmsNormGolden implements GoldenModel {
    private final RmsNormConfig cfg;

    public RmsNormGolden(RmsNormConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public Trace run(Stimulus stimulus) {
        List<Beat> beats = stimulus.stream("in").beats();
        List<OutputEvent> events = new ArrayList<>();
        List<Acceptance> accepted = new ArrayList<>();
        long prevAccept = -1;
        long readyFrom = 0;
        int[] vec = new int[cfg.n()];
        int filled = 0;
        for (Beat beat : beats) {
            long accept = Math.max(prevAccept + 1 + beat.idleBefore(), readyFrom);
            accepted.add(new Acceptance(accept, "in", accepted.size()));
            for (int i = 0; i < cfg.lanes(); i++) {
                vec[filled * cfg.lanes() + i] = (int) Ports.signed(beat.values().get("x_" + i), 16);
            }
            filled++;
            if (filled == cfg.beats()) {
                int[] y = RmsNormArith.normalize(vec, cfg.log2n(), cfg.eps());
                for (int j = 0; j < cfg.beats(); j++) {
                    Map<String, BigInteger> out = new LinkedHashMap<>();
                    for (int i = 0; i < cfg.lanes(); i++) {
                        out.put("y_" + i, Ports.bits(y[j * cfg.lanes() + i], 16));
                    }
                    events.add(new OutputEvent(accept + cfg.firstOutputLatency() + j, "out", out));
                }
                readyFrom = accept + cfg.busyCycles();
                filled = 0;
            }
            prevAccept = accept;
        }
        return Trace.of(events, accepted);
    }
}
