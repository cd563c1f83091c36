package dev.accelgen.sim.regress;

/**
 * What running one case takes, in the terms of the {@link CostModel}: the bytes of Verilog its Verilator build
 * compiles and the clock cycles its simulation runs.
 */
public record Workload(long rtlBytes, long simCycles) {
    public Workload {
        if (rtlBytes < 0 || simCycles < 0) {
            throw new IllegalArgumentException("workload must be non-negative, got " + rtlBytes + " bytes, " + simCycles + " cycles");
        }
    }
}
