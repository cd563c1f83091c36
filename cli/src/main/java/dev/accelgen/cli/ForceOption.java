package dev.accelgen.cli;

import picocli.CommandLine.Option;

/** {@code --force}, mixed into every command that writes a directory (see {@link dev.accelgen.sim.files.OutputDir}). */
public final class ForceOption {
    @Option(names = "--force",
            description = "replace an earlier accelgen output there (a directory holding files accelgen did not write is never replaced)")
    boolean force;

    public boolean force() {
        return force;
    }
}
