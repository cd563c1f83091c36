package dev.accelgen.boards.shell;

import dev.accelgen.errors.ConfigError;

/**
 * Status LEDs of a Vivado block-design board: led[0] heartbeat (about 1 Hz at the fabric clock), led[1] out of
 * reset, led[2] the accelerator's interrupt line, led[3] an interrupt was seen since reset.
 *
 * @param clockMhz fabric clock in MHz, 1..1000: sets the heartbeat divider
 */
public record StatusLedsConfig(int clockMhz) {
    public StatusLedsConfig {
        if (clockMhz < 1 || clockMhz > 1000) {
            throw new ConfigError("", "clock-mhz = " + clockMhz + " out of range, must be 1..1000");
        }
    }

    /** Counter bits so that its top bit toggles about once per half second. */
    public int counterBits() {
        long half = clockMhz * 500_000L;
        return 64 - Long.numberOfLeadingZeros(half);
    }
}
