package dev.accelgen.cli;

import dev.accelgen.errors.OptionError;
import picocli.CommandLine.Model.CommandSpec;

/** A command that only groups subcommands, run without one: a usage error naming the choices (exit 2). */
public final class MissingSubcommand {
    private MissingSubcommand() {
    }

    public static OptionError of(CommandSpec spec, String what) {
        return new OptionError(spec.qualifiedName(), "give " + what + ": " + String.join(", ", spec.subcommands().keySet())
                + " (see '" + spec.qualifiedName() + " --help')");
    }
}
