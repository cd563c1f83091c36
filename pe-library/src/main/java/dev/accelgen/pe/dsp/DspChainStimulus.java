package dev.accelgen.pe.dsp;

import dev.accelgen.sim.Beat;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.Stimulus;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random beats for a chain: operands biased to the extremes (-128/127, -8/7) that stress the lanes, legal
 * sparsity patterns (per N:M group every set of n distinct sorted positions in turn, in a shuffled order, so
 * each activation mux leg a legal index can select is exercised within a few sparse beats; distinct sorted
 * random blocks per block group), idle gaps, and mode switches landing between and during data beats: sparse
 * from the first cycle for stretches of 6..15 cycles, dense for 0..2.
 */
public final class DspChainStimulus {
    private DspChainStimulus() {
    }

    public static Stimulus random(DspChainConfig cfg, int beats, long seed) {
        Random rng = new Random(seed);
        List<List<int[]>> order = new ArrayList<>();
        for (int g = 0; cfg.sparsity() instanceof Sparsity.NOfM nm && g < cfg.length() / nm.n(); g++) {
            List<int[]> choices = choices(nm.n(), nm.m());
            Collections.shuffle(choices, rng);
            order.add(choices);
        }
        List<Beat> data = new ArrayList<>();
        for (int i = 0; i < beats; i++) {
            int idle = rng.nextInt(6) == 0 ? 1 + rng.nextInt(3) : 0;
            data.add(new Beat(idle, beat(cfg, rng, order, i)));
        }
        List<StreamStimulus> streams = new ArrayList<>(List.of(new StreamStimulus("in", data)));
        if (cfg.sparse()) {
            // sparse from the start, for long stretches (the index patterns need them); short dense breaks
            List<Beat> writes = new ArrayList<>();
            int switches = 1 + beats / 6;
            for (int i = 0; i < switches; i++) {
                int idle = i == 0 ? 0 : i % 2 == 1 ? 6 + rng.nextInt(10) : rng.nextInt(3);
                writes.add(new Beat(idle, Map.of("cfg_mode", BigInteger.valueOf((i + 1) % 2))));
            }
            streams.add(new StreamStimulus("cfg", writes));
        }
        return new Stimulus(streams, seed);
    }

    private static Map<String, BigInteger> beat(DspChainConfig cfg, Random rng, List<List<int[]>> order, int beat) {
        Map<String, BigInteger> v = new LinkedHashMap<>();
        int bits = cfg.packing().bits();
        for (String a : cfg.packing().activationPorts()) {
            for (int i = 0; i < cfg.window(); i++) {
                v.put(a + "_" + i, operand(rng, bits));
            }
        }
        for (String w : cfg.packing().weightPorts()) {
            for (int k = 0; k < cfg.length(); k++) {
                v.put(w + "_" + k, operand(rng, bits));
            }
        }
        int[] idx = pattern(cfg, rng, order, beat);
        for (int f = 0; f < idx.length; f++) {
            v.put("idx_" + f, BigInteger.valueOf(idx[f]));
        }
        return v;
    }

    /**
     * A legal compressed-index pattern: per field the value slice/group uses in sparse mode. N:M group g takes
     * the next of all n-of-m position sets in its own shuffled order ({@code order}), so a few consecutive sparse
     * beats exercise every mux leg a legal index reaches.
     */
    static int[] pattern(DspChainConfig cfg, Random rng, List<List<int[]>> order, int beat) {
        int[] idx = new int[cfg.indexFields()];
        if (cfg.sparsity() instanceof Sparsity.NOfM nm) {
            for (int g = 0; g < order.size(); g++) {
                int[] pos = order.get(g).get(beat % order.get(g).size());
                System.arraycopy(pos, 0, idx, g * nm.n(), nm.n());
            }
        } else if (cfg.sparsity() instanceof Sparsity.Block) {
            int[] blocks = distinctSorted(rng, idx.length, cfg.indexChoices());
            System.arraycopy(blocks, 0, idx, 0, idx.length);
        }
        return idx;
    }

    /** Every sorted set of n distinct positions out of m (n is 1 or 2). */
    private static List<int[]> choices(int n, int m) {
        List<int[]> out = new ArrayList<>();
        for (int a = 0; a < m; a++) {
            if (n == 1) {
                out.add(new int[] {a});
            }
            for (int b = a + 1; n == 2 && b < m; b++) {
                out.add(new int[] {a, b});
            }
        }
        return out;
    }

    private static int[] distinctSorted(Random rng, int n, int of) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < of; i++) {
            all.add(i);
        }
        Collections.shuffle(all, rng);
        int[] pick = all.subList(0, n).stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(pick);
        return pick;
    }

    /** A signed operand pattern, one in four at the extremes -2^(bits-1) or 2^(bits-1)-1. */
    private static BigInteger operand(Random rng, int bits) {
        int r = rng.nextInt(8);
        int min = -(1 << (bits - 1));
        int v = r == 0 ? min : r == 1 ? -min - 1 : rng.nextInt(1 << bits) + min;
        return BigInteger.valueOf(v & ((1 << bits) - 1));
    }
}
