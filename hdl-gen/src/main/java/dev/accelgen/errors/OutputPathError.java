package dev.accelgen.errors;

/** An output path accelgen must not or cannot write: a non-empty directory it did not create, an unwritable location, a path under a file. */
public final class OutputPathError extends UserInputException {
    private static final long serialVersionUID = 1L;

    public OutputPathError(String input, String problem) {
        super(input, problem, null);
    }

    public OutputPathError(String input, String problem, Throwable cause) {
        super(input, problem, cause);
    }
}
