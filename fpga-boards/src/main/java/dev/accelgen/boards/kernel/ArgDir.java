package dev.accelgen.boards.kernel;

import java.util.Locale;

/**
 * Whether the host fills a buffer before the run (IN), checks it after the run (OUT), or both (INOUT: a compiled
 * accelerator's port image holds program, weights and inputs, and the runs write outputs and caches into it).
 */
public enum ArgDir {
    IN, OUT, INOUT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
