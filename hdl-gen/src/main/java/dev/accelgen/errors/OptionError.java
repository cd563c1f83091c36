package dev.accelgen.errors;

/** A command-line option value that is out of range, malformed or conflicts with another option. */
public final class OptionError extends UserInputException {
    private static final long serialVersionUID = 1L;

    public OptionError(String input, String problem) {
        super(input, problem, null);
    }

    public OptionError(String input, String problem, Throwable cause) {
        super(input, problem, cause);
    }
}
