package dev.accelgen.errors;

/** A quantization or compile plan (plan.json, hw.json) that names an unknown layer, scheme or unit. */
public final class PlanError extends UserInputException {
    private static final long serialVersionUID = 1L;

    public PlanError(String input, String problem) {
        super(input, problem, null);
    }

    public PlanError(String input, String problem, Throwable cause) {
        super(input, problem, cause);
    }
}
