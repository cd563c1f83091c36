package dev.accelgen.compiler.backend.verify;

import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.errors.OptionError;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs of one verification sequence: a decoder's prefill of the prompt then one run per decode step (one row
 * each, through the KV cache and recurrent state); a whole-sequence model's single run over all its rows.
 *
 * @param runs  each run's rows T and first position P
 * @param total rows of the whole sequence (the positions the outputs cover)
 */
public record Schedule(List<Run> runs, int total) {
    /** One start beat: T rows from position P. */
    public record Run(int rows, int position) {
    }

    public Schedule {
        runs = List.copyOf(runs);
    }

    /**
     * @param promptLen   prefill rows (decoders)
     * @param decodeSteps one-row runs after the prefill (decoders; must be 0 for whole-sequence models)
     */
    public static Schedule of(LirModel lir, int promptLen, int decodeSteps) {
        int positions = lir.sequence().positions();
        if (!lir.sequence().incremental()) {
            if (decodeSteps > 0) {
                throw new OptionError("--decode-steps " + decodeSteps, lir.name() + " runs whole sequences of " + positions
                        + " rows (non-causal attention sees every row); it has no decode steps, use --decode-steps 0");
            }
            return new Schedule(List.of(new Run(positions, 0)), positions);
        }
        if (promptLen < 1 || decodeSteps < 0) {
            throw new OptionError("--prompt-len " + promptLen, "needs at least one prompt row and no negative decode steps");
        }
        if (promptLen + decodeSteps > positions) {
            throw new OptionError("--prompt-len " + promptLen + " --decode-steps " + decodeSteps, "run to position "
                    + (promptLen + decodeSteps) + ", past the configured context of " + positions + " positions (the KV cache"
                    + " rows); compile with a longer --seq-len");
        }
        List<Run> runs = new ArrayList<>();
        runs.add(new Run(promptLen, 0));
        for (int i = 0; i < decodeSteps; i++) {
            runs.add(new Run(1, promptLen + i));
        }
        return new Schedule(runs, promptLen + decodeSteps);
    }
}
