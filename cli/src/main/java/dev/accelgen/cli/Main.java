package dev.accelgen.cli;

import dev.accelgen.cli.boards.BoardsCommand;
import dev.accelgen.cli.boards.GenerateCommand;
import dev.accelgen.cli.pe.PeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code accelgen} command. */
@Command(name = "accelgen", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Hardware generator for FPGA transformer accelerators (ZCU104, Alveo U280).",
        subcommands = {DemoCommand.class, BenchCommand.class, BoardsCommand.class, GenerateCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand("pe", PeCommand.commandLine());
        cl.addSubcommand("model", new dev.accelgen.cli.model.ModelCommand());
        cl.getSubcommands().get("bench").addSubcommand("mutation", PeCommand.mutationCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler((ex, params) -> {
            // One line, not picocli's full usage dump: the message and where to find help.
            CommandLine c = ex.getCommandLine();
            String hint = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                hint = "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
            }
            c.getErr().println("accelgen: error: " + ex.getMessage().replace('\n', ' ').strip() + hint + " (see '"
                    + c.getCommandSpec().qualifiedName() + " --help')");
            return ErrorHandler.BAD_INPUT;
        });
        return cl;
    }

    public static void main(String[] args) {
        CommandLine cl = commandLine();
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        System.exit(code);
    }
}
