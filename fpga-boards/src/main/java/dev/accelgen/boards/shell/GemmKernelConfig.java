package dev.accelgen.boards.shell;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.pe.systolic.SystolicConfig;

/**
 * The built-in GEMM kernel: C = A x B for one tile on a rows x cols INT8 systolic array, reduction depth k.
 * A is rows x k int8 row-major, B is k x cols int8 row-major, C is rows x cols int32 little-endian row-major.
 *
 * @param rows           array rows = rows of A and C, 1..16
 * @param cols           array columns = columns of B and C, 1..16
 * @param k              reduction depth, 1..64; A, B and C must each be whole bus words
 * @param dataBits       AXI data width, 32..512 (a power of two); HBM pseudo-channels are 256 bits natively
 * @param maxBurst       AXI burst limit in beats, a power of two 1..256
 * @param maxOutstanding AXI bursts in flight, 1..16
 */
public record GemmKernelConfig(int rows, int cols, int k, int dataBits, int maxBurst, int maxOutstanding) {
    public GemmKernelConfig {
        range("rows", rows, 1, 16);
        range("cols", cols, 1, 16);
        range("k", k, 1, 64);
        new AxiEngineConfig(dataBits, maxBurst, maxOutstanding, 1);
        int bytes = dataBits / 8;
        if (rows * k % bytes != 0) {
            throw new ConfigError("", "rows*k = " + rows * k + " must be a multiple of " + bytes
                    + " (A is read in " + dataBits + "-bit words)");
        }
        if (k * cols % bytes != 0) {
            throw new ConfigError("", "k*cols = " + k * cols + " must be a multiple of " + bytes
                    + " (B is read in " + dataBits + "-bit words)");
        }
        if (rows * cols * 4 % bytes != 0) {
            throw new ConfigError("", "rows*cols*4 = " + rows * cols * 4 + " must be a multiple of " + bytes
                    + " (C is written in " + dataBits + "-bit words)");
        }
    }

    /** The default used by the ZCU104 bundle: a 4x4 array, k = 8, 32-bit data, 16-beat bursts, 4 in flight. */
    public static GemmKernelConfig small() {
        return new GemmKernelConfig(4, 4, 8, 32, 16, 4);
    }

    /** Bytes per bus word. */
    public int wordBytes() {
        return dataBits / 8;
    }

    /** 32-bit results per bus word of C. */
    public int resultsPerWord() {
        return dataBits / 32;
    }

    public SystolicConfig array() {
        return SystolicConfig.int8(rows, cols);
    }

    public int aWords() {
        return rows * k / wordBytes();
    }

    public int bWords() {
        return k * cols / wordBytes();
    }

    public int cWords() {
        return rows * cols * 4 / wordBytes();
    }

    AxiEngineConfig engine() {
        int most = Math.max(cWords(), Math.max(aWords(), bWords()));
        return new AxiEngineConfig(dataBits, maxBurst, maxOutstanding, 32 - Integer.numberOfLeadingZeros(most));
    }

    private static void range(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new ConfigError("", name + " = " + v + " out of range, must be " + lo + ".." + hi);
        }
    }
}
