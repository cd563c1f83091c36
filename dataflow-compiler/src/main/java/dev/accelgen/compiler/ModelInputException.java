package dev.accelgen.compiler;

/**
 * Bad user input (a file, config or option): reported as one line naming the input and the problem.
 * Commands map it to exit status 2.
 */
public final class ModelInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;

    public ModelInputException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    public ModelInputException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    /** The file, config or option the problem is in. */
    public String source() {
        return source;
    }
}
