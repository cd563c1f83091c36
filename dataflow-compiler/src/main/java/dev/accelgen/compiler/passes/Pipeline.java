package dev.accelgen.compiler.passes;

import dev.accelgen.compiler.ir.Graph;

/**
 * The standard pass order after import: fold constants and batch norms, lift Gemm layers into weight MatMuls, drop
 * dead nodes, fuse patterns (then MoE),
 * re-infer types.
 */
public final class Pipeline {
    private Pipeline() {
    }

    public static Graph optimize(Graph g) {
        Graph folded = DeadNodeRemoval.run(GemmLifting.run(BatchNormFolding.run(ConstantFolding.run(g))));
        return ShapeInference.infer(DeadNodeRemoval.run(MoeFusion.run(Fusion.run(folded))));
    }
}
