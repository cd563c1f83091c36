package dev.accelgen.pe.vector.arith;

import dev.accelgen.pe.fixed.Fixed;

/**
 * Attention of one query row over one key tile (VATTN), with an online softmax carried across tiles
 * (flash-attention style, normalized once on the last tile). For query row t of an instruction and key j of
 * its tile, all values Fx unless stated:
 * <ol>
 *   <li>score {@code s_j = sat32(roundShift(sum_i q_i * k_ji, 16))} over {@code headDim} elements, the
 *       products and their sum exact (any 1/sqrt(d) scale is folded into q by the compiler);</li>
 *   <li>key j is masked when {@code causal} and {@code j > t + diag} (exact integer comparison);</li>
 *   <li>the running state of the row, in SBUF: {@code m} (Fx, the largest unmasked score so far,
 *       {@value #NO_MAX} while there is none) and {@code l} (unsigned Q16.16 in 32 bits: the sum of the weights
 *       in the scale of m). {@code first} starts from {@code m = NO_MAX, l = 0} and an all-zero accumulator
 *       instead of reading them;</li>
 *   <li>{@code m' = max(m, max of unmasked s_j)}; the rescale factor {@code alpha = exp(sat32(m - m'))} and the
 *       weights {@code p_j = exp(sat32(s_j - m'))} (0 for masked keys), both with {@value #P_FRAC} fraction bits
 *       ({@link ExpArith}, so in [0, 2^24]);</li>
 *   <li>{@code l' = min(2^32 - 1, roundShift(l * alpha + (sum p_j) * 2^16, 24))};</li>
 *   <li>per element i of the accumulator row o (Fx): {@code o'_i = sat32(roundShift(o_i * alpha +
 *       sum_j p_j * v_ji, 24))}, the products and their sum exact (one rounding per tile);</li>
 *   <li>{@code last}: {@code o'_i = sat32(roundShift(o'_i * r1, e))} with {@code (r1, e) = recip(l')}
 *       ({@link RecipArith}), i.e. o'/l'; a row whose keys were all masked (l' = 0) gives 0.</li>
 * </ol>
 * Tile-size dependence: scores, masks and the final m do not depend on the tiling; l and o do (each tile rounds
 * once, and the contributions of earlier tiles are rescaled by the rounded alpha), so an interpreter reproduces
 * the accelerator bit for bit only with the program's tiles ({@link #attend} with the same tile size). A single
 * tile ({@code first} and {@code last}) is the whole attention. Between tiles o holds the unnormalized sum
 * {@code sum p_j v_j}, which saturates when l * |output| reaches 32768 (e.g. near-uniform attention over more
 * than 8192 keys of values around 4); the compiler keeps such heads within range by scaling v.
 */
public final class AttnArith {
    /** Fraction bits of alpha and p_j (those of {@link SoftmaxArith}'s exponentials). */
    public static final int P_FRAC = SoftmaxArith.EXP_FRAC;
    /** Fraction bits of the running sum l (unsigned 32 bits). */
    public static final int L_FRAC = 16;
    /** The running max of a row that has seen no unmasked key. */
    public static final int NO_MAX = Integer.MIN_VALUE;
    private static final long L_MAX = 0xFFFFFFFFL;

    private AttnArith() {
    }

    /** A row's running max (Fx) and sum (unsigned Q16.16 bits), as SBUF holds them. */
    public record State(int m, int l) {
        public static final State FIRST = new State(NO_MAX, 0);

        public long lUnsigned() {
            return Integer.toUnsignedLong(l);
        }
    }

    /** The keys and values of one tile: key j is {@code k[from + j]}, its value {@code v[from + j]}. */
    public record Tile(int[][] k, int[][] v, int from, int keys, int headDim) {
    }

    public static int score(int[] q, int[] k, int headDim) {
        WideSum s = new WideSum();
        for (int i = 0; i < headDim; i++) {
            s.add((long) q[i] * k[i]);
        }
        return s.roundShiftSat32(16);
    }

    public static boolean masked(boolean causal, long key, long row, long diag) {
        return causal && key > row + diag;
    }

    /** exp(sat32(x - m)) with {@value #P_FRAC} fraction bits: alpha (x = old max) and p_j (x = score). */
    public static int weight(int x, int m) {
        return (int) ExpArith.exp(EltwiseArith.sat32((long) x - m), P_FRAC);
    }

    /** l' from the old state, alpha and the exact sum of this tile's weights. */
    public static int runningSum(State old, int alpha, long sumP) {
        long l = Fixed.roundShift(old.lUnsigned() * alpha + (sumP << L_FRAC), P_FRAC);
        return (int) Math.min(l, L_MAX);
    }

    /** The last tile's division of an accumulator element by l (0 when l = 0). */
    public static int divide(int acc, int l) {
        long lu = Integer.toUnsignedLong(l);
        if (lu == 0) {
            return 0;
        }
        RecipArith.Result r = RecipArith.recip(lu);
        return EltwiseArith.sat32(Fixed.roundShift((long) acc * r.r1(), r.e()));
    }

    /**
     * One tile for query row {@code t}: reads {@code o[0..headDim)} (unless {@code first}), writes the new
     * accumulator (or, with {@code last}, the attention output) into it and returns the new state.
     */
    public static State tile(int[] q, Tile tile, boolean causal, long t, long diag, boolean first, State old, int[] o,
                             boolean last) {
        State prev = first ? State.FIRST : old;
        int n = tile.keys();
        int[] s = new int[n];
        boolean[] live = new boolean[n];
        int m = prev.m();
        for (int j = 0; j < n; j++) {
            s[j] = score(q, tile.k()[tile.from() + j], tile.headDim());
            live[j] = !masked(causal, j, t, diag);
            if (live[j]) {
                m = Math.max(m, s[j]);
            }
        }
        int alpha = weight(prev.m(), m);
        int[] p = new int[n];
        long sumP = 0;
        for (int j = 0; j < n; j++) {
            p[j] = live[j] ? weight(s[j], m) : 0;
            sumP += p[j];
        }
        int l = runningSum(prev, alpha, sumP);
        WideSum acc = new WideSum();
        for (int i = 0; i < tile.headDim(); i++) {
            acc.clear();
            acc.add(first ? 0 : (long) o[i] * alpha);
            for (int j = 0; j < n; j++) {
                acc.add((long) p[j] * tile.v()[tile.from() + j][i]);
            }
            int a = acc.roundShiftSat32(P_FRAC);
            o[i] = last ? divide(a, l) : a;
        }
        return new State(m, l);
    }

    /**
     * The attention output of one query row at position {@code pos} over keys [0, keys) (causal: keys past pos
     * masked), computed tile by tile with {@code tileSize} keys per tile as a program with that tiling does.
     */
    public static int[] attend(int[] q, int[][] k, int[][] v, int keys, int headDim, boolean causal, long pos,
                               int tileSize) {
        if (tileSize < 1) {
            throw new IllegalArgumentException("tile size must be positive (got " + tileSize + ")");
        }
        int[] o = new int[headDim];
        State st = State.FIRST;
        int from = 0;
        do {
            int n = Math.min(tileSize, keys - from);
            boolean last = from + n >= keys;
            st = tile(q, new Tile(k, v, from, n, headDim), causal, 0, pos - from, from == 0, st, o, last);
            from += n;
        } while (from < keys);
        return o;
    }
}
