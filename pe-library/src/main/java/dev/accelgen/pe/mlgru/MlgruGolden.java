package dev.accelgen.pe.mlgru;

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
 * Bit- and cycle-exact model of {@link MlgruUnit}: state starts at 0, beat k updates position
 * k mod P with {@link MlgruArith#step}, and its h and o leave {@link MlgruConfig#latency()} cycles
 * after acceptance.
 */
public final class MlgruGolden implements GoldenModel {
    private final MlgruConfig cfg;

    public MlgruGolden(MlgruConfig cfg) {
        this.cfg = cfg;
    }

    @Override
    public Trace run(Stimulus stimulus) {
        List<Beat> beats = stimulus.stream("in").beats();
        long[] accept = AlwaysReadyInput.acceptCycles(beats);
        int[][] state = new int[cfg.positions()][cfg.lanes()];
        List<OutputEvent> events = new ArrayList<>();
        for (int k = 0; k < beats.size(); k++) {
            Map<String, BigInteger> v = beats.get(k).values();
            boolean clear = v.get("in_clear").signum() != 0;
            int p = k % cfg.positions();
            Map<String, BigInteger> out = new LinkedHashMap<>();
            int[] o = new int[cfg.lanes()];
            for (int i = 0; i < cfg.lanes(); i++) {
                int hPrev = clear ? 0 : state[p][i];
                MlgruArith.Step s = MlgruArith.step(q(v, "f_" + i), q(v, "c_" + i), q(v, "g_" + i), hPrev);
                state[p][i] = s.h();
                o[i] = s.o();
                out.put("h_" + i, Ports.bits(s.h(), MlgruArith.BITS));
            }
            for (int i = 0; i < cfg.lanes(); i++) {
                out.put("o_" + i, Ports.bits(o[i], MlgruArith.BITS));
            }
            events.add(new OutputEvent(accept[k] + cfg.latency(), "out", out));
        }
        return Trace.of(events, Acceptance.of("in", accept));
    }

    private static int q(Map<String, BigInteger> v, String port) {
        return (int) Ports.signed(v.get(port), MlgruArith.BITS);
    }
}
