package dev.accelgen.cli;

import dev.accelgen.errors.UserInputException;
import dev.accelgen.hdl.HdlCheckException;
import picocli.CommandLine;

/**
 * Maps failures to exit codes: bad input (invalid parameters, malformed files) is one line on stderr and
 * exit 2; a design-rule failure prints every diagnostic and exits 2; anything else is a bug (exit 1).
 */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    public static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (ex instanceof UserError || ex instanceof UserInputException || ex instanceof IllegalArgumentException) {
            cl.getErr().println("accelgen: error: " + ex.getMessage());
            return BAD_INPUT;
        }
        if (ex instanceof HdlCheckException h) {
            cl.getErr().println("accelgen: error: " + h.getMessage());
            return BAD_INPUT;
        }
        cl.getErr().println("accelgen: internal error: " + ex);
        ex.printStackTrace(cl.getErr());
        return 1;
    }
}
