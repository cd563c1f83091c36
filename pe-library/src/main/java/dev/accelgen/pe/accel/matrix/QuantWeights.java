package dev.accelgen.pe.accel.matrix;

/**
 * A quantized weight matrix W [K x N] as the compiler's quantized layers hold it, one array per output column
 * ({@code [n][k]}), ready for {@link WeightTiles}.
 */
public sealed interface QuantWeights {
    int k();

    int n();

    /**
     * MixPE: unsigned w-bit codes, and per column and group of G consecutive positions (ceil(K/G) groups) an
     * unsigned Q0.16 scale and a w-bit zero point, as {@code MixPeWeights} computes them.
     */
    record MixPe(int[][] codes, int[][] scales, int[][] zps) implements QuantWeights {
        public MixPe {
            requireMatrix("zps", zps, scales.length, scales.length == 0 ? 0 : scales[0].length);
            requireMatrix("scales", scales, codes.length, scales.length == 0 ? 0 : scales[0].length);
            requireMatrix("codes", codes, codes.length, codes.length == 0 ? 0 : codes[0].length);
        }

        public int k() {
            return codes[0].length;
        }

        public int n() {
            return codes.length;
        }
    }

    /** Ternary BitLinear: weights in {-1, 0, +1} ({@code BitLinearArith.TernaryWeights.w()}). */
    record Ternary(int[][] trits) implements QuantWeights {
        public Ternary {
            requireMatrix("trits", trits, trits.length, trits.length == 0 ? 0 : trits[0].length);
        }

        public int k() {
            return trits[0].length;
        }

        public int n() {
            return trits.length;
        }
    }

    /** Integer weights for a DSP chain (int8, or int4 for int4x4) or a systolic array (its wBits, its signedness). */
    record Ints(int[][] values) implements QuantWeights {
        public Ints {
            requireMatrix("values", values, values.length, values.length == 0 ? 0 : values[0].length);
        }

        /** From a K x N matrix ({@code Int8Weights}'s {@code wq[k][n]}). */
        public static Ints fromRows(long[][] kByN) {
            int k = kByN.length;
            int n = kByN[0].length;
            int[][] cols = new int[n][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < n; j++) {
                    cols[j][i] = Math.toIntExact(kByN[i][j]);
                }
            }
            return new Ints(cols);
        }

        public int k() {
            return values[0].length;
        }

        public int n() {
            return values.length;
        }
    }

    private static void requireMatrix(String what, int[][] m, int rows, int cols) {
        if (m.length == 0 || m.length != rows || cols == 0) {
            throw new IllegalArgumentException(what + " must be a non-empty [" + rows + "][..] matrix (got " + m.length + " rows)");
        }
        for (int[] r : m) {
            if (r.length != cols) {
                throw new IllegalArgumentException(what + " rows differ in length: " + r.length + " vs " + cols);
            }
        }
    }
}
