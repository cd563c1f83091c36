package dev.accelgen.boards;

/**
 * Bad user input to the board flow (unknown board, malformed board.json, design that does not fit).
 * The message is one line that names the input and what to do; the CLI turns it into exit status 2.
 */
public final class BoardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BoardException(String message) {
        super(message);
    }

    public BoardException(String message, Throwable cause) {
        super(message, cause);
    }
}
