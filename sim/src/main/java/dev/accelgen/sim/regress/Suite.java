package dev.accelgen.sim.regress;

import java.util.List;

/**
 * A regression suite: its name, how a command line names it again ({@code ref}: a built-in suite's name or a
 * suite file's absolute path), the SHA-256 of its canonical JSON ({@code hash}: results of a different suite
 * are never mixed in by {@code --resume} or {@code merge}) and its entries.
 */
public record Suite(String name, String ref, String hash, String description, List<SuiteEntry> entries) {
    public Suite {
        entries = List.copyOf(entries);
    }

    /** The one command that re-runs a case of this suite alone. */
    public String reproduceCommand(String caseId) {
        return "accelgen regress " + Shell.quote(ref) + " --case " + caseId;
    }

    /** The first 12 hex digits of the hash, for people. */
    public String shortHash() {
        return hash.substring(0, 12);
    }
}
