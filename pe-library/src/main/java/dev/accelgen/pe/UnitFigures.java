package dev.accelgen.pe;

/**
 * Architectural figures of one configuration, independent of synthesis.
 *
 * @param macsPerCycle  multiply-accumulates the unit completes per cycle at full throughput
 * @param dspPerUnit    DSP48E2 slices the architecture intends to use (0 for multiplier-free units)
 * @param description   one line for reports
 */
public record UnitFigures(long macsPerCycle, long dspPerUnit, String description) {
    public UnitFigures {
        if (macsPerCycle < 0 || dspPerUnit < 0) {
            throw new IllegalArgumentException("figures must be non-negative");
        }
    }
}
