package dev.accelgen.compiler.backend.estimate;

import dev.accelgen.errors.OptionError;
import dev.accelgen.pe.accel.MemoryTarget;
import java.nio.file.Path;

/**
 * What {@link Estimator} estimates: a model and quantization on a board's memory, a prefill of {@code promptLen}
 * tokens and one decode step at {@code context} (the step's token sees {@code context} keys), at {@code clockMhz} (0:
 * {@link Estimator#DEFAULT_CLOCK_MHZ}, lowered to where the design's ports match the board's memory).
 *
 * @param boardGbps the board memory's physical peak in GB/s (all banks), which the memory model never exceeds
 * @param scheme    the default scheme when {@code planFile} is null
 * @param unrolledContext a context for which to compare the program with the same work unrolled per token
 *                  ({@link UnrolledSize}), 0 for none
 */
public record EstimateRequest(String model, String scheme, Path planFile, MemoryTarget target, double boardGbps, int promptLen,
                              int context, double clockMhz, int unrolledContext, long seed) {
    /** The longest context the LIR supports (VATTN's running sum). */
    public static final int MAX_CONTEXT = 65535;

    public EstimateRequest {
        if (promptLen < 1 || promptLen > MAX_CONTEXT) {
            throw new OptionError("--prompt-len " + promptLen, "must be in 1.." + MAX_CONTEXT);
        }
        if (context < 1 || context > MAX_CONTEXT) {
            throw new OptionError("--context " + context, "must be in 1.." + MAX_CONTEXT);
        }
        if (clockMhz != 0 && !(clockMhz >= 1 && clockMhz <= 1000)) {
            throw new OptionError("--clock-mhz " + clockMhz, "must be in 1..1000");
        }
        if (unrolledContext < 0 || unrolledContext > MAX_CONTEXT) {
            throw new OptionError("--unrolled-context " + unrolledContext, "must be in 1.." + MAX_CONTEXT);
        }
        if (!(boardGbps > 0)) {
            throw new OptionError("board " + target.board(), "needs a memory bandwidth above 0 GB/s");
        }
    }

    /** Positions the compiled context holds: the decode step's and the whole prompt's. */
    public int positions() {
        return Math.max(Math.max(context, promptLen), unrolledContext);
    }
}
