package dev.accelgen.pe.mlgru;

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
 * Random token steps: {@code vectors} tokens of P beats each (the first token clears the state,
 * later ones now and then); pre-activations mostly within the sigmoid's interesting range
 * (|x| < 6), sometimes over the full Q3.12 range and its extremes. About one beat in six waits 1..3
 * idle cycles.
 */
public final class MlgruStimulus {
    private MlgruStimulus() {
    }

    public static Stimulus random(MlgruConfig cfg, int vectors, long seed) {
        Random rng = new Random(seed);
        List<Beat> beats = new ArrayList<>();
        for (int t = 0; t < vectors; t++) {
            boolean clear = t == 0 || rng.nextInt(8) == 0;
            for (int p = 0; p < cfg.positions(); p++) {
                Map<String, BigInteger> v = new LinkedHashMap<>();
                v.put("in_clear", clear ? BigInteger.ONE : BigInteger.ZERO);
                for (String gate : new String[] {"f", "c", "g"}) {
                    for (int i = 0; i < cfg.lanes(); i++) {
                        v.put(gate + "_" + i, Ports.bits(value(rng), MlgruArith.BITS));
                    }
                }
                int idle = rng.nextInt(6) == 0 ? 1 + rng.nextInt(3) : 0;
                beats.add(new Beat(idle, v));
            }
        }
        return new Stimulus(List.of(new StreamStimulus("in", beats)), seed);
    }

    private static long value(Random rng) {
        return switch (rng.nextInt(12)) {
            case 0 -> -32768;
            case 1 -> 32767;
            case 2, 3 -> rng.nextInt(65536) - 32768;
            default -> rng.nextInt(6 * 2 * MlgruArith.ONE) - 6 * MlgruArith.ONE;
        };
    }
}
