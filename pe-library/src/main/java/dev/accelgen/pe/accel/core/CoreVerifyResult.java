package dev.accelgen.pe.accel.core;

import dev.accelgen.pe.accel.model.ModelResult;
import dev.accelgen.sim.verilator.RtlRun;

/**
 * The verdict of {@link AccelVerifier}: {@code summaryLine} is {@code PASS outputs=<n> rtl_cycles=<c>
 * golden_cycles=<c>} or {@code FAIL first mismatch at cycle <c> ...} naming the place (port or buffer) and the
 * instruction; {@code golden} holds the model's run, including every port's memory afterwards.
 */
public record CoreVerifyResult(boolean passed, String summaryLine, String detail, ModelResult golden, RtlRun rtl) {
}
