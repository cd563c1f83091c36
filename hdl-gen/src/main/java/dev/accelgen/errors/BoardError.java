package dev.accelgen.errors;

/** An unknown board, a malformed board.json, or a design that does not fit the board. */
public final class BoardError extends UserInputException {
    private static final long serialVersionUID = 1L;

    public BoardError(String input, String problem) {
        super(input, problem, null);
    }

    public BoardError(String input, String problem, Throwable cause) {
        super(input, problem, cause);
    }
}
