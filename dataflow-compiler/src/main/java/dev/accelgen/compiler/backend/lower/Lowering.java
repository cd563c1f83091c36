package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.Sequence;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.errors.ModelError;
import java.util.Map;

/**
 * Graph to layer IR: lowers the fused graph ({@link GraphLowerer}), folds attention scales into the q projections
 * ({@link ScaleFolding}), scales values down where a long context could saturate attention's accumulator
 * ({@link ValueScaling}), fuses projections that share an input ({@link LinearFusion}), quantizes every projection
 * for its scheme ({@link Projections}) with the calibrated activation ranges, and decides the sequence: decoders
 * (every attention causal) run incrementally over a context of {@link LowerOptions#positions()} positions (at most
 * what exported tables cover), encoders one whole sequence of the graph's length.
 */
public final class Lowering {
    private Lowering() {
    }

    /**
     * @param source  the model as the user named it (for messages)
     * @param ranges  calibrated max |x| per weight MatMul node and MoE expert ({@code Calibration.ranges})
     */
    public static LirModel lower(String source, Graph g, QuantPlan plan, Map<String, Double> ranges, LowerOptions options) {
        if (!g.hasWeightData()) {
            throw new ModelError(source, "the graph has no weight values (a config without weights): there is nothing to quantize");
        }
        LirBuilder b = new LirBuilder();
        GraphLowerer l = new GraphLowerer(source, g, plan, ranges, options, b);
        l.lowerOutputs();
        Sequence seq = sequence(source, l, options);
        ScaleFolding.run(b, l.qScales);
        ValueScaling.run(b, l.valueRanges, seq.positions());
        LinearFusion.run(b);
        return b.build(g.name(), seq);
    }

    private static Sequence sequence(String source, GraphLowerer l, LowerOptions o) {
        if (l.nonCausal) {
            return new Sequence(false, l.tokens);
        }
        int want = o.positions() == 0 ? l.tokens : o.positions();
        if (want > l.tableLimit) {
            throw new ModelError(source, "a context of " + want + " positions is longer than the " + l.tableLimit
                    + " positions the model's exported tables cover");
        }
        return new Sequence(true, want);
    }
}
