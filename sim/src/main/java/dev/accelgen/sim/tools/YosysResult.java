package dev.accelgen.sim.tools;

/** Outcome of a Yosys check: ok, or the error text (the ERROR line and the check's warnings). */
public record YosysResult(boolean ok, String errors, String log) {
}
