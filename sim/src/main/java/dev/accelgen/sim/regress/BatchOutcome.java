package dev.accelgen.sim.regress;

import java.util.List;

/**
 * What a {@link CaseType#run} returns: one verdict per case (in batch order), the seconds spent building the
 * simulator (0 when nothing was built) and whether that build came from the cache. The engine measures the
 * batch's wall time itself; build seconds let {@code regress calibrate} separate build from simulation.
 */
public record BatchOutcome(List<CaseVerdict> verdicts, double buildSeconds, boolean buildCached) {
    public BatchOutcome {
        verdicts = List.copyOf(verdicts);
        if (buildSeconds < 0) {
            throw new IllegalArgumentException("build seconds must be >= 0, got " + buildSeconds);
        }
    }
}
