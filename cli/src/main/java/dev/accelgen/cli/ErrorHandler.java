package dev.accelgen.cli;

import dev.accelgen.errors.UserInputException;
import dev.accelgen.sim.progress.ProgressConsole;
import dev.accelgen.sim.tools.ToolMissingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Maps failures to exit codes. What the user can fix is one line on stderr and exit status 2: a
 * {@link UserInputException}, a missing external tool, or a full Java heap (with how to raise it). Everything else
 * (a user error wrapped by code that found it was ours, IllegalArgumentException, HdlCheckException: the CLI only
 * elaborates accelgen's own generators on validated configurations) is
 * accelgen's bug: one line saying so and naming a log file with the stack trace, exit status 1; the trace reaches
 * the terminal only with {@code --verbose}.
 */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    public static final int USER_ERROR = 2;
    public static final int INTERNAL_ERROR = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        int code = report(ex, cl.getErr(), Main.verbose(parsed), parsed.originalArgs());
        cl.getErr().flush();
        return code;
    }

    static int report(Throwable t, PrintWriter err, boolean verbose, List<String> args) {
        ProgressConsole.stderr().clearStatus();
        if (t instanceof UserInputException || t instanceof ToolMissingException) {
            err.println("accelgen: error: " + firstLine(t.getMessage()));
            return USER_ERROR;
        }
        if (t instanceof OutOfMemoryError) {
            err.println("accelgen: error: out of memory: the Java heap of " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB is full; raise it with ACCELGEN_JAVA_OPTS=-Xmx8g");
            return USER_ERROR;
        }
        String what = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage()));
        String where;
        try {
            where = "details in " + InternalErrorLog.write(t, args);
        } catch (IOException | RuntimeException e) {
            where = "no log written: " + firstLine(String.valueOf(e.getMessage())) + "; run with --verbose for details";
        }
        err.println("accelgen: internal error: " + what + " (" + where + ")");
        if (verbose) {
            t.printStackTrace(err);
        }
        return INTERNAL_ERROR;
    }

    private static String firstLine(String s) {
        String line = s == null ? "" : s.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).strip() + " ...";
    }
}
