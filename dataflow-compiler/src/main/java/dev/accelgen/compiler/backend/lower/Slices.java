package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.passes.GraphView;

/** Reading the constant operands of ONNX Slice. */
final class Slices {
    private Slices() {
    }

    /**
     * The start of a Slice that cuts only the last axis with step 1 (constant starts, ends, axes, steps), or null.
     * The length is the output's last dimension.
     */
    static Integer lastAxisStart(GraphView v, Node s) {
        Tensor starts = v.constant(s.input(1));
        Tensor axes = s.hasInput(3) ? v.constant(s.input(3)) : null;
        Tensor steps = s.hasInput(4) ? v.constant(s.input(4)) : null;
        int rank = v.graph().type(s.input(0)).shape().rank();
        if (starts == null || starts.size() != 1 || s.hasInput(3) && (axes == null || axes.size() != 1)
                || s.hasInput(4) && (steps == null || steps.get(0) != 1)) {
            return null;
        }
        long axis = axes == null ? 0 : (long) axes.get(0);
        if (axis != -1 && axis != rank - 1) {
            return null;
        }
        long d = v.graph().type(s.input(0)).shape().dim(-1);
        long start = (long) starts.get(0);
        start = start < 0 ? start + d : start;
        return (int) Math.max(0, Math.min(d, start));
    }
}
