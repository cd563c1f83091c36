package dev.accelgen.pe.rmsnorm;

import dev.accelgen.errors.ConfigError;

/**
 * An RMSNorm unit over vectors of {@code n} int16 elements (a power of two), {@code lanes}
 * elements per beat (a power of two dividing n), with {@code eps} added to the mean square.
 */
public record RmsNormConfig(int n, int lanes, int eps) {
    public static final int MAX_N = 256;
    public static final int MAX_BEATS = 64;
    /** Cycles between the last input beat and the first output beat's register load. */
    public static final int COMPUTE_CYCLES = 5;

    public RmsNormConfig {
        if (n < 2 || n > MAX_N || Integer.bitCount(n) != 1) {
            throw new ConfigError("", "n must be a power of two in 2.." + MAX_N + " (got " + n + ")");
        }
        if (lanes < 1 || Integer.bitCount(lanes) != 1 || n % lanes != 0 || n / lanes > MAX_BEATS) {
            throw new ConfigError("", "lanes must be a power of two dividing n " + n + " with n/lanes <= "
                    + MAX_BEATS + " (got " + lanes + ")");
        }
        if (eps < 1 || eps > 65535) {
            throw new ConfigError("", "eps must be in 1..65535 (got " + eps + ")");
        }
    }

    public int log2n() {
        return Integer.numberOfTrailingZeros(n);
    }

    public int beats() {
        return n / lanes;
    }

    /** Cycles from the acceptance of a vector's last beat to its first output event. */
    public int firstOutputLatency() {
        return COMPUTE_CYCLES + 2;
    }

    /** Cycles from the acceptance of a vector's last beat to the first cycle the input is ready again. */
    public int busyCycles() {
        return COMPUTE_CYCLES + 1 + beats();
    }

    public String moduleName() {
        return "rmsnorm_n" + n + "_l" + lanes + "_e" + eps;
    }
}
