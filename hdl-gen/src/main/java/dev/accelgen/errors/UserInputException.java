package dev.accelgen.errors;

/**
 * A problem with what the user gave accelgen: a model file, a configuration, a board, a plan, a command-line
 * option or an output path. The message is one line that names the input and says what to do; the CLI prints
 * it and exits with status 2. Every other exception (IllegalArgumentException included) is accelgen's own bug
 * and is reported as an internal error (exit 1), never blamed on the user.
 */
public abstract sealed class UserInputException extends RuntimeException
        permits ModelError, ConfigError, BoardError, PlanError, OptionError, OutputPathError {
    private static final long serialVersionUID = 1L;

    private final String input;

    protected UserInputException(String input, String problem, Throwable cause) {
        super(input == null || input.isEmpty() ? problem : input + ": " + problem, cause);
        this.input = input == null ? "" : input;
    }

    /** The file, option, configuration or path the problem is in ("" when the message names it itself). */
    public String input() {
        return input;
    }
}
