package dev.accelgen.pe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Architectural figures of one configuration, independent of synthesis.
 *
 * @param macsPerCycle  multiply-accumulates the unit completes per cycle at full throughput
 * @param dspPerUnit    DSP48E2 slices the architecture intends to use (0 for multiplier-free units)
 * @param description   one line for reports
 * @param extra         further named figures a family reports (e.g. bubble cycles per expert switch)
 */
public record UnitFigures(long macsPerCycle, long dspPerUnit, String description, Map<String, Object> extra) {
    public UnitFigures {
        if (macsPerCycle < 0 || dspPerUnit < 0) {
            throw new IllegalArgumentException("figures must be non-negative");
        }
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public UnitFigures(long macsPerCycle, long dspPerUnit, String description) {
        this(macsPerCycle, dspPerUnit, description, Map.of());
    }
}
