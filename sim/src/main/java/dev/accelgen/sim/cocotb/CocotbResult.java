package dev.accelgen.sim.cocotb;

import dev.accelgen.sim.Trace;

/**
 * Outcome of a cocotb (Icarus) run: the runner's summary line ({@code PASS outputs=.. rtl_cycles=..
 * golden_cycles=..} or {@code FAIL ...}, worded like the Verilator verifier's) and the recorded
 * trace (null if the simulation produced none).
 */
public record CocotbResult(boolean passed, String summaryLine, Trace actual, String log) {
}
