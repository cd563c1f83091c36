package dev.accelgen.pe.vector.arith;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Attention tile arithmetic: hand-computed vectors and the error against double-precision attention. */
class AttnArithTest {
    private static final long SEED = Long.getLong("accelgen.seed", 7);
    private static final int ONE = 65536;

    private static AttnArith.Tile tile(int[][] k, int[][] v) {
        return new AttnArith.Tile(k, v, 0, k.length, k[0].length);
    }

    @Test
    void scoresAreExactSumsRoundedOnce() {
        assertEquals(2 * ONE, AttnArith.score(new int[] {ONE, 2 * ONE}, new int[] {3 * ONE, -ONE / 2}, 2));
        // 1 * 32768 = 0.5 raw units: rounds half up to 1; the sum of two such halves is exactly 1
        assertEquals(1, AttnArith.score(new int[] {1}, new int[] {32768}, 1));
        assertEquals(1, AttnArith.score(new int[] {1, 1}, new int[] {32768, 32768}, 2));
        assertEquals(0, AttnArith.score(new int[] {-1}, new int[] {32768}, 1));
        // 4 * MIN * MIN = 2^64: beyond a long, saturates; elements past headDim are ignored
        int min = Integer.MIN_VALUE;
        assertEquals(Integer.MAX_VALUE, AttnArith.score(new int[] {min, min, min, min}, new int[] {min, min, min, min}, 4));
        assertEquals(Integer.MIN_VALUE, AttnArith.score(new int[] {min, min, 5}, new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, 9}, 2));
    }

    @Test
    void oneKeyCopiesItsValue() {
        int[] v = {5, -7 * ONE, Integer.MAX_VALUE, Integer.MIN_VALUE};
        int[] o = new int[4];
        AttnArith.State s = AttnArith.tile(new int[] {ONE, 0, 0, 0}, tile(new int[][] {{3 * ONE, 1, 2, 3}}, new int[][] {v}),
                false, 0, 0, true, null, o, true);
        // p = exp(0) = 2^24 exactly, alpha = exp(sat32(MIN - 3.0)) = 0, l = 1.0, o = v * 2^24 >> 24, / 1.0
        assertArrayEquals(v, o);
        assertEquals(new AttnArith.State(3 * ONE, ONE), s);
    }

    @Test
    void equalScoresAverageAndRoundHalfUp() {
        int[][] k = {{ONE, 0, 0}, {ONE, 0, 0}};
        int[][] v = {{3, -3, 10 * ONE}, {4, -4, 11 * ONE}};
        int[] o = new int[3];
        AttnArith.State s = AttnArith.tile(new int[] {ONE, 0, 0}, tile(k, v), false, 0, 0, true, null, o, false);
        // before the last tile o holds sum p_j v_j / 2^24 = v0 + v1 and l = 2.0
        assertArrayEquals(new int[] {7, -7, 21 * ONE}, o);
        assertEquals(new AttnArith.State(ONE, 2 * ONE), s);
        // l = 2.0: recip gives r1 = 2^16, e = 17, so o / l = roundShift(o, 1)
        assertArrayEquals(new int[] {4, -3, 21 * ONE / 2}, new int[] {AttnArith.divide(7, s.l()), AttnArith.divide(-7,
                s.l()), AttnArith.divide(21 * ONE, s.l())});
    }

    @Test
    void causalMaskAndEmptyRows() {
        int[][] k = {{ONE}, {9 * ONE}, {9 * ONE}};
        int[][] v = {{100}, {200}, {300}};
        int[] o = new int[1];
        // row t = 1, diag = -1: key j is masked when j > 0, so only key 0 counts
        AttnArith.State s = AttnArith.tile(new int[] {ONE}, tile(k, v), true, 1, -1, true, null, o, true);
        assertArrayEquals(new int[] {100}, o);
        assertEquals(ONE, s.m());
        // every key masked: the state stays empty and the output is 0
        o[0] = 12345;
        s = AttnArith.tile(new int[] {ONE}, tile(k, v), true, 0, -1, true, null, o, true);
        assertArrayEquals(new int[] {0}, o);
        assertEquals(AttnArith.State.FIRST, s);
        // an empty tile (keys = 0) on the first tile also gives 0
        o[0] = 1;
        assertEquals(AttnArith.State.FIRST, AttnArith.tile(new int[] {ONE}, new AttnArith.Tile(k, v, 0, 0, 1), false, 0,
                0, true, null, o, true));
        assertArrayEquals(new int[] {0}, o);
    }

    @Test
    void tilesWithEqualScoresMatchOneTile() {
        // all scores equal: alpha = p = 2^24 exactly, so no tile rounds and any tiling gives the same bits
        int n = 8;
        int[][] k = new int[n][2];
        int[][] v = new int[n][2];
        for (int j = 0; j < n; j++) {
            k[j] = new int[] {ONE, 2 * ONE};
            v[j] = new int[] {j * ONE + 3, -j * 1000};
        }
        int[] q = {ONE / 2, ONE / 4};
        int[] whole = AttnArith.attend(q, k, v, n, 2, false, 0, n);
        for (int t = 1; t <= n; t++) {
            assertArrayEquals(whole, AttnArith.attend(q, k, v, n, 2, false, 0, t), "tile size " + t);
        }
        // (sum v) / 8 (l = 8.0: an exact reciprocal) with sum = 28.0 + 24 raw and -28000 raw
        assertArrayEquals(new int[] {7 * ONE / 2 + 3, -3500}, whole);
    }

    @Test
    void matchesDoublePrecisionAttention() {
        Random rng = new Random(SEED);
        double worst = 0;
        // tiles of 1, 3 and 16 keys, and one tile of all keys
        double[] perTile = new double[4];
        for (int trial = 0; trial < 200; trial++) {
            int d = 1 + rng.nextInt(64);
            int keys = 1 + rng.nextInt(80);
            double spread = 0.5 + rng.nextDouble() * 3.5;
            double vScale = Math.pow(2, rng.nextInt(6) - 2);
            int[] q = gaussian(rng, d, spread / Math.sqrt(d));
            int[][] k = new int[keys][];
            int[][] v = new int[keys][];
            for (int j = 0; j < keys; j++) {
                k[j] = gaussian(rng, d, 1);
                v[j] = gaussian(rng, d, vScale);
            }
            boolean causal = rng.nextBoolean();
            long pos = causal ? rng.nextInt(keys) : 0;
            double[] want = reference(q, k, v, keys, d, causal, pos);
            int[] sizes = {1, 3, 16, keys};
            for (int ts = 0; ts < 4; ts++) {
                int[] got = AttnArith.attend(q, k, v, keys, d, causal, pos, sizes[ts]);
                for (int i = 0; i < d; i++) {
                    double e = Math.abs(got[i] / (double) ONE - want[i]) / vScale;
                    perTile[ts] = Math.max(perTile[ts], e);
                    worst = Math.max(worst, e);
                }
            }
        }
        System.out.printf("attention max abs error relative to the values' scale %.3g (tiles of 1, 3, 16, all: %.3g %.3g %.3g %.3g)%n",
                worst, perTile[0], perTile[1], perTile[2], perTile[3]);
        // every tile rounds the unnormalized sum to Fx once, so the error grows with the number of tiles
        double[] bound = {5e-4, 3e-4, 2e-4, 1.5e-4};
        for (int ts = 0; ts < 4; ts++) {
            assertTrue(perTile[ts] < bound[ts], "attention tiling " + ts + ": " + perTile[ts]);
        }
    }

    @Test
    void finalMaxIsTheMaxOfUnmaskedScoresForAnyTiling() {
        Random rng = new Random(SEED + 1);
        int d = 8;
        int keys = 40;
        int[] q = gaussian(rng, d, 1);
        int[][] k = new int[keys][];
        int[][] v = new int[keys][];
        int max = AttnArith.NO_MAX;
        for (int j = 0; j < keys; j++) {
            k[j] = gaussian(rng, d, 2);
            v[j] = gaussian(rng, d, 1);
            if (j <= 25) {
                max = Math.max(max, AttnArith.score(q, k[j], d));
            }
        }
        for (int tileSize : new int[] {1, 4, 7, 40}) {
            AttnArith.State st = AttnArith.State.FIRST;
            int[] o = new int[d];
            for (int from = 0; from < keys; from += tileSize) {
                int n = Math.min(tileSize, keys - from);
                st = AttnArith.tile(q, new AttnArith.Tile(k, v, from, n, d), true, 0, 25 - from, from == 0, st, o,
                        from + n == keys);
            }
            assertEquals(max, st.m(), "tile size " + tileSize);
        }
    }

    static int[] gaussian(Random rng, int n, double scale) {
        int[] x = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = EltwiseArith.toFx(rng.nextGaussian() * scale);
        }
        return x;
    }

    /** Softmax attention in double precision on the same Fx inputs. */
    static double[] reference(int[] q, int[][] k, int[][] v, int keys, int d, boolean causal, long pos) {
        double[] s = new double[keys];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < keys; j++) {
            double dot = 0;
            for (int i = 0; i < d; i++) {
                dot += q[i] / (double) ONE * (k[j][i] / (double) ONE);
            }
            s[j] = causal && j > pos ? Double.NEGATIVE_INFINITY : dot;
            max = Math.max(max, s[j]);
        }
        double[] out = new double[d];
        double sum = 0;
        for (int j = 0; j < keys; j++) {
            double p = Math.exp(s[j] - max);
            sum += p;
            for (int i = 0; i < d; i++) {
                out[i] += p * v[j][i] / ONE;
            }
        }
        for (int i = 0; i < d; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
