package dev.accelgen.pe.systolic;

import dev.accelgen.errors.ConfigError;

/**
 * An output-stationary systolic array of {@code rows x cols} multiply-accumulate PEs (the Gemmini-style
 * INT8 baseline). Activations enter from the left (one per row), weights from the top (one per column).
 *
 * @param rows     PE rows, 1..128
 * @param cols     PE columns, 1..128
 * @param aBits    activation width, 2..16
 * @param wBits    weight width, 2..16
 * @param accBits  accumulator width, aBits+wBits..48; sums wrap modulo 2^accBits
 * @param signed   two's-complement operands (otherwise unsigned)
 */
public record SystolicConfig(int rows, int cols, int aBits, int wBits, int accBits, boolean signed) {
    public SystolicConfig {
        check("rows", rows, 1, 128);
        check("cols", cols, 1, 128);
        check("a-bits", aBits, 2, 16);
        check("w-bits", wBits, 2, 16);
        check("acc-bits", accBits, aBits + wBits, 48);
    }

    /** The INT8 baseline: signed 8-bit operands, 32-bit accumulators. */
    public static SystolicConfig int8(int rows, int cols) {
        return new SystolicConfig(rows, cols, 8, 8, 32, true);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigError("", name + " must be in " + min + ".." + max + " (got " + value + ")");
        }
    }

    /** Minimum distance in cycles between two accepted {@code last} beats, so drained results never collide. */
    public int lastBeatSpacing() {
        return 2 * rows - 1;
    }

    public PeConfig pe() {
        return new PeConfig(aBits, wBits, accBits, signed);
    }

    /** Configuration of one PE. */
    public record PeConfig(int aBits, int wBits, int accBits, boolean signed) { }
}
