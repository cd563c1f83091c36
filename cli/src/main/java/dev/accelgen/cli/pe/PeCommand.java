package dev.accelgen.cli.pe;

import dev.accelgen.cli.MissingSubcommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code accelgen pe gen|verify|report|vectors <kind>}: one subcommand per unit family under each action. */
@Command(name = "pe", mixinStandardHelpOptions = true,
        description = "Generate, verify and measure processing-element units.")
public final class PeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, "an action");
    }

    public static CommandLine commandLine() {
        CommandLine pe = new CommandLine(new PeCommand());
        pe.addSubcommand("gen", group(new GroupCommand(), PeGen::new));
        pe.addSubcommand("verify", group(new GroupCommand(), PeVerify::new));
        pe.addSubcommand("report", group(new GroupCommand(), PeReport::new));
        pe.addSubcommand("vectors", group(new GroupCommand(), PeVectors::new));
        return pe;
    }

    /** {@code accelgen bench mutation <kind>}: one subcommand per unit family, with its options. */
    public static CommandLine mutationCommand() {
        return group(new GroupCommand(), MutationBench::new);
    }

    private interface RunnerFactory {
        KindRunner create(CliKind<?> kind, KindOptions<?> options);
    }

    private static CommandLine group(GroupCommand g, RunnerFactory factory) {
        CommandLine cl = new CommandLine(g);
        for (CliKind<?> k : CliKinds.all()) {
            KindOptions<?> opts = k.options().get();
            CommandLine sub = new CommandLine(factory.create(k, opts));
            sub.addMixin("unit", opts);
            cl.addSubcommand(k.name(), sub);
        }
        return cl;
    }

    /** The action level ({@code gen}, {@code verify}, {@code report}): lists the kinds. */
    @Command(mixinStandardHelpOptions = true)
    static final class GroupCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw MissingSubcommand.of(spec, "a unit kind");
        }
    }
}
