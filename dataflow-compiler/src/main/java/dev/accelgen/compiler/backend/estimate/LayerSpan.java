package dev.accelgen.compiler.backend.estimate;

import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;

/**
 * Where a model's decoder layers sit in its LIR: every layer opens with a norm and the head opens with the final
 * norm, so the ops from the first norm up to the last one are the layers, those before them the prologue (input,
 * embedding) and the rest the epilogue (final norm, output projection, output).
 *
 * @param layerStart index of the first layer op
 * @param tailStart  index of the first epilogue op
 * @param ops        the LIR's op count
 */
record LayerSpan(int layerStart, int tailStart, int ops) {
    /** The span of {@code lir}; a model without two norms is all one layer. */
    static LayerSpan of(LirModel lir) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < lir.ops().size(); i++) {
            if (lir.ops().get(i).tag() == LirOp.Tag.NORM) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        int n = lir.ops().size();
        return first >= 0 && first < last ? new LayerSpan(first, last, n) : new LayerSpan(0, n, n);
    }
}
