package dev.accelgen.pe.mixpe;

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
 * Random dot products of 1..4 beats: weight codes, zero points and scales uniform over their full
 * ranges (with the extremes over-represented); integer activations over the full signed range;
 * fp16 activations as finite binary16 patterns (exponent 0..30: zeros, subnormals, normals) with
 * each group's exponents drawn near a common centre so the alignment keeps some bits, and now and
 * then spread over the whole range. About one beat in six waits 1..3 idle cycles.
 */
public final class MixPeStimulus {
    private MixPeStimulus() {
    }

    public static Stimulus random(MixPeConfig cfg, int vectors, long seed) {
        Random rng = new Random(seed);
        List<Beat> beats = new ArrayList<>();
        for (int vec = 0; vec < vectors; vec++) {
            int n = 1 + rng.nextInt(4);
            for (int k = 0; k < n; k++) {
                Map<String, BigInteger> v = new LinkedHashMap<>();
                v.put("in_last", k == n - 1 ? BigInteger.ONE : BigInteger.ZERO);
                int centre = rng.nextInt(31);
                boolean spread = rng.nextInt(4) == 0;
                for (int i = 0; i < cfg.lanes(); i++) {
                    long a = cfg.aType() == ActType.FP16 ? half(rng, centre, spread) : integer(rng, cfg.aType().portBits());
                    v.put("a_" + i, Ports.bits(a, cfg.aType().portBits()));
                }
                for (int col = 0; col < cfg.cols(); col++) {
                    for (int i = 0; i < cfg.lanes(); i++) {
                        v.put("w_" + col + "_" + i, BigInteger.valueOf(unsigned(rng, cfg.wBits())));
                    }
                }
                for (int col = 0; col < cfg.cols(); col++) {
                    for (int g = 0; g < cfg.groupsPerBeat(); g++) {
                        v.put("scale_" + col + "_" + g, BigInteger.valueOf(unsigned(rng, MixPeArith.SCALE_BITS)));
                    }
                }
                for (int col = 0; col < cfg.cols(); col++) {
                    for (int g = 0; g < cfg.groupsPerBeat(); g++) {
                        v.put("zp_" + col + "_" + g, BigInteger.valueOf(unsigned(rng, cfg.wBits())));
                    }
                }
                int idle = rng.nextInt(6) == 0 ? 1 + rng.nextInt(3) : 0;
                beats.add(new Beat(idle, v));
            }
        }
        return new Stimulus(List.of(new StreamStimulus("in", beats)), seed);
    }

    private static long unsigned(Random rng, int bits) {
        return switch (rng.nextInt(10)) {
            case 0 -> 0;
            case 1 -> (1L << bits) - 1;
            default -> rng.nextInt(1 << bits);
        };
    }

    private static long integer(Random rng, int bits) {
        return switch (rng.nextInt(10)) {
            case 0 -> -(1L << (bits - 1));
            case 1 -> (1L << (bits - 1)) - 1;
            default -> rng.nextInt(1 << bits) - (1L << (bits - 1));
        };
    }

    private static long half(Random rng, int centre, boolean spread) {
        int e = spread ? rng.nextInt(31) : Math.max(0, Math.min(30, centre + rng.nextInt(7) - 3));
        int frac = rng.nextInt(1024);
        int sign = rng.nextBoolean() ? 0x8000 : 0;
        return sign | (e << 10) | frac;
    }
}
