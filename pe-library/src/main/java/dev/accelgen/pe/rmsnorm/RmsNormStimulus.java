package dev.accelgen.pe.rmsnorm;

import dev.accelgen.pe.stream.Ports;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.Stimulus;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random vectors: per vector an amplitude from 0 (all zeros: only eps) to the full int16 range,
 * now and then a single spike (the largest outputs, which saturate) or extremes. About one beat
 * in six waits 1..3 idle cycles; the rest are offered back to back, so the next vector's first
 * beat waits for the unit to become ready.
 */
public final class RmsNormStimulus {
    private RmsNormStimulus() {
    }

    public static Stimulus random(RmsNormConfig cfg, int vectors, long seed) {
        Random rng = new Random(seed);
        List<Beat> beats = new ArrayList<>();
        for (int v = 0; v < vectors; v++) {
            int amp = switch (rng.nextInt(8)) {
                case 0 -> 0;
                case 1 -> 32768;
                default -> 1 << rng.nextInt(16);
            };
            boolean spike = rng.nextInt(6) == 0;
            int spikeAt = rng.nextInt(cfg.n());
            for (int j = 0; j < cfg.beats(); j++) {
                Map<String, BigInteger> values = new LinkedHashMap<>();
                for (int i = 0; i < cfg.lanes(); i++) {
                    int idx = j * cfg.lanes() + i;
                    long x = spike ? (idx == spikeAt ? (rng.nextBoolean() ? 32767 : -32768) : rng.nextInt(3) - 1)
                            : amp == 0 ? 0 : Math.max(-32768, Math.min(32767, (long) rng.nextInt(2 * amp) - amp));
                    values.put("x_" + i, Ports.bits(x, 16));
                }
                int idle = rng.nextInt(6) == 0 ? 1 + rng.nextInt(3) : 0;
                beats.add(new Beat(idle, values));
            }
        }
        return new Stimulus(List.of(new StreamStimulus("in", beats)), seed);
    }
}
