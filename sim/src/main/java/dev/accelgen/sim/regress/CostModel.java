package dev.accelgen.sim.regress;

/**
 * Estimated single-core seconds to run cases, from their {@link Workload}s:
 * <pre>
 *   batch = batchSeconds + sum over its cases of case
 *   case  = caseSeconds + buildSecondsPerKByte * KB + simSecondsPerKByteMCycle * KB * Mcycles
 * </pre>
 * with KB = the case's RTL in thousands of bytes and Mcycles = its simulated cycles in millions. The batch term
 * is a Verilator build's fixed part (bundle wrapper, harness, link); the per-KB term its part that grows with
 * the RTL; the last term the simulation (each cycle evaluates all of the design). Estimates assume a cold build
 * (a cache hit makes a batch cheaper, never dearer). {@link Calibration} fits the coefficients to measured batches:
 * {@code accelgen regress calibrate DIR} to a site's own runs, pe-library's {@code CostModelCalibration} benchmark
 * for {@link #DEFAULT}.
 */
public record CostModel(double batchSeconds, double caseSeconds, double buildSecondsPerKByte, double simSecondsPerKByteMCycle) {
    /**
     * Fitted on 28 cold builds (bundles of 1 to 10 random configurations of every kind, 5 KB to 2.5 MB of Verilog),
     * timed in CPU seconds on a 2-core x86 machine with Verilator 5.006 and g++ 12 at -O1; estimates were within a
     * factor 1.6 of the measurements (median 1.08).
     */
    public static final CostModel DEFAULT = new CostModel(2.46, 0.137, 0.0177, 2.09);

    public CostModel {
        if (batchSeconds < 0 || caseSeconds < 0 || buildSecondsPerKByte < 0 || simSecondsPerKByteMCycle < 0) {
            throw new IllegalArgumentException("cost model coefficients must be >= 0");
        }
    }

    public double caseSeconds(Workload w) {
        double kb = w.rtlBytes() / 1e3;
        return caseSeconds + buildSecondsPerKByte * kb + simSecondsPerKByteMCycle * kb * (w.simCycles() / 1e6);
    }
}
