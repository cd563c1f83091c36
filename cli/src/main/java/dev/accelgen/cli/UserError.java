package dev.accelgen.cli;

/** A problem with the user's input: reported as one line, exit status 2, nothing written. */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
