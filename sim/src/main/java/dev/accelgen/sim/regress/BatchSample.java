package dev.accelgen.sim.regress;

/**
 * One measured batch for {@link Calibration}: its cases, their summed RTL kilobytes and KB x Mcycles, the
 * seconds its build took (0 and {@code cached} when it came from the cache) and its total seconds.
 */
public record BatchSample(int cases, double rtlKBytes, double kbMcycles, double buildSeconds, boolean cached,
                          double totalSeconds) {
}
