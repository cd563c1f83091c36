package dev.accelgen.pe.mlgru;

import dev.accelgen.errors.ConfigError;

/**
 * The MLGRU element-wise unit: {@code lanes} elements per beat, hidden state of {@code hidden}
 * elements kept on chip (hidden/lanes positions, visited in order by a wrapping counter).
 */
public record MlgruConfig(int lanes, int hidden) {
    public static final int MAX_POSITIONS = 64;

    public MlgruConfig {
        if (lanes < 1 || lanes > 64) {
            throw new ConfigError("", "lanes must be in 1..64 (got " + lanes + ")");
        }
        if (hidden < lanes || hidden % lanes != 0 || hidden / lanes > MAX_POSITIONS) {
            throw new ConfigError("", "hidden must be a multiple of lanes " + lanes + " and at most "
                    + (MAX_POSITIONS * lanes) + " (got " + hidden + ")");
        }
    }

    public int positions() {
        return hidden / lanes;
    }

    /** Gates, state update, output gate. */
    public int latency() {
        return 3;
    }

    public String moduleName() {
        return "mlgru_l" + lanes + "_h" + hidden;
    }
}
