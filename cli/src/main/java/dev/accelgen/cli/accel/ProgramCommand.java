package dev.accelgen.cli.accel;

import dev.accelgen.cli.MissingSubcommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code accelgen program show}: accelerator program binaries. */
@Command(name = "program", mixinStandardHelpOptions = true, description = "Inspect accelerator program binaries.",
        subcommands = {ProgramShow.class})
public final class ProgramCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, "a subcommand");
    }
}
