package dev.accelgen.boards.shell;

import dev.accelgen.pe.systolic.SystolicConfig;

/**
 * The built-in GEMM kernel: C = A x B for one tile on a rows x cols INT8 systolic array, reduction depth k.
 * A is rows x k int8 row-major, B is k x cols int8 row-major, C is rows x cols int32 little-endian row-major.
 *
 * @param rows           array rows = rows of A and C, 1..16
 * @param cols           array columns = columns of B and C, 1..16
 * @param k              reduction depth, 1..64; rows*k and k*cols must be multiples of 4 (whole 32-bit words)
 * @param maxBurst       AXI burst limit in beats, a power of two 1..256
 * @param maxOutstanding AXI bursts in flight, 1..16
 */
public record GemmKernelConfig(int rows, int cols, int k, int maxBurst, int maxOutstanding) {
    public GemmKernelConfig {
        range("rows", rows, 1, 16);
        range("cols", cols, 1, 16);
        range("k", k, 1, 64);
        if (rows * k % 4 != 0) {
            throw new IllegalArgumentException("rows*k = " + rows * k + " must be a multiple of 4 (A is read in 32-bit words)");
        }
        if (k * cols % 4 != 0) {
            throw new IllegalArgumentException("k*cols = " + k * cols + " must be a multiple of 4 (B is read in 32-bit words)");
        }
        new AxiEngineConfig(maxBurst, maxOutstanding, 1);
    }

    /** The default used by the bundles: a 4x4 array, k = 8, 16-beat bursts, 4 in flight. */
    public static GemmKernelConfig small() {
        return new GemmKernelConfig(4, 4, 8, 16, 4);
    }

    public SystolicConfig array() {
        return SystolicConfig.int8(rows, cols);
    }

    public int aWords() {
        return rows * k / 4;
    }

    public int bWords() {
        return k * cols / 4;
    }

    public int cWords() {
        return rows * cols;
    }

    AxiEngineConfig engine() {
        int most = Math.max(cWords(), Math.max(aWords(), bWords()));
        return new AxiEngineConfig(maxBurst, maxOutstanding, 32 - Integer.numberOfLeadingZeros(most));
    }

    private static void range(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " = " + v + " out of range, must be " + lo + ".." + hi);
        }
    }
}
