package dev.accelgen.sim.tools;

import java.util.List;

/** Verilator lint outcome: every %Warning/%Error message line; clean means none at all. */
public record LintResult(List<String> warnings, String log) {
    public LintResult {
        warnings = List.copyOf(warnings);
    }

    public boolean clean() {
        return warnings.isEmpty();
    }
}
