package dev.accelgen.pe.vector.arith;

import java.util.ArrayList;
import java.util.List;

/**
 * MoE top-k routing (VTOPK). Per token row of E router logits (Fx):
 * <ul>
 *   <li>picks: the k largest logits in pick order, descending, equal logits by ascending expert index;</li>
 *   <li>gates: {@link SoftmaxArith#row} over the picked logits in pick order (Fx);</li>
 *   <li>lists: expert e's list is at SBUF {@code sbuf + e * (1 + 2 * capacity)}: its count, then (token, gate)
 *       pairs, token being the row's index within the instruction. Counts start at 0 for every expert and all E
 *       are written; a pick for an expert whose list already holds {@code capacity} entries is dropped.</li>
 * </ul>
 */
public final class TopKArith {
    private TopKArith() {
    }

    /** Expert indices of the k largest of {@code x[0..experts)}, in pick order. */
    public static int[] pick(int[] x, int experts, int k) {
        boolean[] taken = new boolean[experts];
        int[] picks = new int[k];
        for (int p = 0; p < k; p++) {
            int best = -1;
            for (int e = 0; e < experts; e++) {
                if (!taken[e] && (best < 0 || x[e] > x[best])) {
                    best = e;
                }
            }
            taken[best] = true;
            picks[p] = best;
        }
        return picks;
    }

    /** The gates of the picks (softmax over their logits), in pick order. */
    public static int[] gates(int[] x, int[] picks) {
        int[] v = new int[picks.length];
        for (int i = 0; i < picks.length; i++) {
            v[i] = x[picks[i]];
        }
        return SoftmaxArith.row(v, v.length);
    }

    /** SBUF address of expert e's count (before wrapping at the SBUF depth). */
    public static long listBase(long sbuf, int expert, int capacity) {
        return sbuf + (long) expert * (1 + 2L * capacity);
    }

    /** The expert lists one VTOPK builds, token by token. */
    public static final class Lists {
        private final int capacity;
        private final List<List<int[]>> entries = new ArrayList<>();

        public Lists(int experts, int capacity) {
            this.capacity = capacity;
            for (int e = 0; e < experts; e++) {
                entries.add(new ArrayList<>());
            }
        }

        /** Routes token {@code token} with logits {@code x}. */
        public void route(int token, int[] x, int k) {
            int[] picks = pick(x, entries.size(), k);
            int[] gates = gates(x, picks);
            for (int i = 0; i < k; i++) {
                List<int[]> list = entries.get(picks[i]);
                if (list.size() < capacity) {
                    list.add(new int[] {token, gates[i]});
                }
            }
        }

        public int count(int expert) {
            return entries.get(expert).size();
        }

        /** Entry i of expert e: {token, gate}. */
        public int[] entry(int expert, int i) {
            return entries.get(expert).get(i).clone();
        }
    }
}
