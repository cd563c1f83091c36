package dev.accelgen.errors;

/** A model file, model config or zoo name that cannot be imported, quantized or compiled. */
public final class ModelError extends UserInputException {
    private static final long serialVersionUID = 1L;

    public ModelError(String input, String problem) {
        super(input, problem, null);
    }

    public ModelError(String input, String problem, Throwable cause) {
        super(input, problem, cause);
    }
}
