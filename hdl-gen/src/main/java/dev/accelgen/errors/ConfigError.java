package dev.accelgen.errors;

/** A unit or accelerator configuration whose parameters are out of range or inconsistent. */
public final class ConfigError extends UserInputException {
    private static final long serialVersionUID = 1L;

    public ConfigError(String input, String problem) {
        super(input, problem, null);
    }

    public ConfigError(String input, String problem, Throwable cause) {
        super(input, problem, cause);
    }
}
