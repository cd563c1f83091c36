package dev.accelgen.cli;

import dev.accelgen.cli.boards.BoardsCommand;
import dev.accelgen.cli.boards.GenerateCommand;
import dev.accelgen.cli.pe.PeCommand;
import dev.accelgen.cli.regress.RegressCaseTypes;
import dev.accelgen.cli.regress.RegressCommand;
import dev.accelgen.cli.report.ReportCommand;
import dev.accelgen.sim.progress.ProgressConsole;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code accelgen} command. */
@Command(name = "accelgen", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Hardware generator for FPGA transformer accelerators (ZCU104, Alveo U280).",
        subcommands = {DemoCommand.class, BenchCommand.class, BoardsCommand.class, GenerateCommand.class, ReportCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "on an internal error, print the stack trace too (it is always written to a log file)")
    boolean verbose;

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, "a command");
    }

    /** Whether {@code --verbose} was given at any level of the command line. */
    static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand("pe", PeCommand.commandLine());
        cl.addSubcommand("model", new dev.accelgen.cli.model.ModelCommand());
        cl.addSubcommand("compile", new dev.accelgen.cli.accel.CompileCommand());
        cl.addSubcommand("verify", new dev.accelgen.cli.accel.VerifyCommand());
        cl.addSubcommand("program", new dev.accelgen.cli.accel.ProgramCommand());
        cl.addSubcommand("estimate", new dev.accelgen.cli.accel.EstimateCommand());
        cl.addSubcommand("regress", RegressCommand.commandLine(RegressCaseTypes.product()));
        cl.getSubcommands().get("bench").addSubcommand("mutation", PeCommand.mutationCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setExecutionStrategy(parsed -> {
            ProgressConsole.stderr().writeTo(cl.getErr()); // progress goes where the command's stderr goes
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setParameterExceptionHandler((ex, params) -> {
            // One line, not picocli's full usage dump: the message and where to find help.
            CommandLine c = ex.getCommandLine();
            String hint = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                hint = "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
            }
            c.getErr().println("accelgen: error: " + ex.getMessage().replace('\n', ' ').strip() + hint + " (see '"
                    + c.getCommandSpec().qualifiedName() + " --help')");
            return ErrorHandler.USER_ERROR;
        });
        return cl;
    }

    public static void main(String[] args) {
        CommandLine cl = commandLine();
        int code;
        try {
            code = cl.execute(args);
        } catch (Throwable t) { // errors (OutOfMemoryError, StackOverflowError) pass picocli's handler
            code = ErrorHandler.report(t, cl.getErr(), java.util.Arrays.asList(args).contains("--verbose"), java.util.Arrays.asList(args));
        }
        cl.getOut().flush();
        cl.getErr().flush();
        System.exit(code);
    }
}
