package dev.accelgen.sim;

import dev.accelgen.sim.verilator.RtlRun;

/**
 * The verdict of one golden-versus-RTL comparison. {@code summaryLine} is
 * {@code PASS outputs=<n> rtl_cycles=<c> golden_cycles=<c>} or a one-line {@code FAIL ...} naming
 * the first mismatch and the seed; {@code detail} adds context for humans (may be empty).
 */
public record VerifyResult(boolean passed, String summaryLine, String detail, Trace golden, RtlRun rtl) {
}
