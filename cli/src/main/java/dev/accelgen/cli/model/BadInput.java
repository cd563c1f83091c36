package dev.accelgen.cli.model;

import dev.accelgen.compiler.ModelInputException;
import dev.accelgen.errors.UserInputException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Runs a command body; bad input becomes one line on stderr and exit status 2. */
final class BadInput {
    static final int EXIT = 2;

    private BadInput() {
    }

    static int guard(PrintWriter err, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (ModelInputException | UserInputException | IllegalArgumentException e) {
            err.println("accelgen: error: " + e.getMessage());
            err.flush();
            return EXIT;
        }
    }
}
