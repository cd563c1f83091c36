package dev.accelgen.pe.ternary;

import dev.accelgen.pe.stream.Ports;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.Stimulus;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Random dot products: 1..4 beats each, activations over the full signed range with extremes
 * (most negative, most positive) over-represented, weights uniform over {-1, 0, +1} and, for 2-bit
 * packing, the unused code 0b10 now and then; base-3 bytes include the invalid 243..255 now and
 * then. With base-3 packing the first dot product is 256 beats long and feeds every byte position
 * each of the 256 byte values once (in a random order per position), so every entry of every
 * decode table is exercised. About one beat in six waits 1..3 idle cycles.
 */
public final class TernaryStimulus {
    private TernaryStimulus() {
    }

    public static Stimulus random(TernaryConfig cfg, int vectors, long seed) {
        Random rng = new Random(seed);
        List<Beat> beats = new ArrayList<>();
        List<List<Integer>> sweep = new ArrayList<>();
        for (int j = 0; cfg.packing() == Packing.BASE3 && j < cfg.weightBytes(); j++) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, 256).boxed().toList());
            Collections.shuffle(order, rng);
            sweep.add(order);
        }
        for (int vec = 0; vec < vectors; vec++) {
            boolean sweepTable = vec == 0 && cfg.packing() == Packing.BASE3;
            int n = sweepTable ? 256 : 1 + rng.nextInt(4);
            for (int k = 0; k < n; k++) {
                Map<String, BigInteger> v = new LinkedHashMap<>();
                v.put("in_last", k == n - 1 ? BigInteger.ONE : BigInteger.ZERO);
                for (int i = 0; i < cfg.lanes(); i++) {
                    v.put("a_" + i, Ports.bits(activation(rng, cfg.aBits()), cfg.aBits()));
                }
                if (cfg.packing() == Packing.TWO_BIT) {
                    for (int i = 0; i < cfg.lanes(); i++) {
                        int code = rng.nextInt(16) == 0 ? 0b10 : TernaryCodec.encode2(rng.nextInt(3) - 1);
                        v.put("w_" + i, BigInteger.valueOf(code));
                    }
                } else {
                    for (int j = 0; j < cfg.weightBytes(); j++) {
                        int b = sweepTable ? sweep.get(j).get(k) : rng.nextInt(32) == 0 ? 243 + rng.nextInt(13) : rng.nextInt(243);
                        v.put("wb_" + j, BigInteger.valueOf(b));
                    }
                }
                int idle = rng.nextInt(6) == 0 ? 1 + rng.nextInt(3) : 0;
                beats.add(new Beat(idle, v));
            }
        }
        return new Stimulus(List.of(new StreamStimulus("in", beats)), seed);
    }

    static long activation(Random rng, int bits) {
        long min = -(1L << (bits - 1));
        long max = (1L << (bits - 1)) - 1;
        return switch (rng.nextInt(10)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + (long) rng.nextInt((int) (max - min + 1));
        };
    }
}
