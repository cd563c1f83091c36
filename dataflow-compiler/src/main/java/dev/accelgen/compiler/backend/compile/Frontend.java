package dev.accelgen.compiler.backend.compile;

import dev.accelgen.compiler.LoadedModel;
import dev.accelgen.compiler.backend.lir.ActQuant;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lower.LowerOptions;
import dev.accelgen.compiler.backend.lower.Lowering;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.quant.Calibration;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.compiler.run.ModelRunner;
import dev.accelgen.compiler.zoo.Zoo;
import dev.accelgen.errors.OptionError;
import dev.accelgen.errors.PlanError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compiler's front half for the back end: the model loaded as {@code model run} loads it (configs with seeded
 * synthetic weights, built for {@link #GRAPH_TOKENS} tokens), activations calibrated on seeded samples, lowered to
 * the LIR for a context of {@code seqLen} positions and the hardware's key tile.
 *
 * @param source the model as the user named it
 * @param plan   the quantization plan
 */
public record Frontend(String source, Graph graph, QuantPlan plan, LirModel lir) {
    /** Tokens of a config-built graph (its exported tables; the context is {@code seqLen}). */
    public static final int GRAPH_TOKENS = 8;
    public static final int CALIBRATION_SAMPLES = 4;
    /** The scheme of a model given without --scheme or --plan that ships no plan. */
    public static final String DEFAULT_SCHEME = "int8";

    /**
     * @param scheme   the default scheme, when {@code planFile} is null; null: the plan a zoo model ships
     *                 ({@link Zoo#plan}), else {@link #DEFAULT_SCHEME}
     * @param planFile a quantization plan file ({@link QuantPlanFile}), or null
     * @param seqLen   the context of a decoder (0: the graph's); whole-sequence models keep the graph's length
     * @param keyTile  keys per attention tile
     */
    public static Frontend load(String source, String scheme, Path planFile, int seqLen, int keyTile, long seed) {
        if (seqLen < 0) {
            throw new OptionError("--seq-len", "must be at least 1 (got " + seqLen + ")");
        }
        LoadedModel m = ModelRunner.loadSimulated(source, Map.of(), GRAPH_TOKENS, seed);
        return of(source, m.graph(), scheme, planFile, seqLen, keyTile, seed);
    }

    /** {@link #load} for a graph already built ({@code source} names it). */
    public static Frontend of(String source, Graph g, String scheme, Path planFile, int seqLen, int keyTile, long seed) {
        QuantPlan plan;
        String planSource;
        Optional<String> shipped = scheme == null && planFile == null ? Zoo.plan(source) : Optional.empty();
        if (planFile != null) {
            plan = QuantPlanFile.read(planFile, g);
            planSource = planFile.toString();
        } else if (shipped.isPresent()) {
            planSource = source + " (its quantization plan)";
            plan = QuantPlanFile.parse(shipped.get(), planSource, g);
        } else {
            scheme = scheme == null ? DEFAULT_SCHEME : scheme;
            planSource = "--scheme " + scheme;
            Scheme s;
            try {
                s = Scheme.parse(scheme);
            } catch (PlanError e) {
                throw new PlanError("--scheme " + scheme, e.getMessage().replaceFirst("^scheme (" + java.util.regex.Pattern.quote(scheme)
                        + ": )?", ""));
            }
            if (s instanceof Scheme.Float) {
                throw new PlanError("--scheme float", "runs on no matrix unit; the accelerator needs ternary, w{2,3,4,8}a{8,16}, int8 or int8-N:M");
            }
            plan = new QuantPlan(s, Map.of());
        }
        List<Map<String, Tensor>> samples = Calibration.seededSamples(g, seed, CALIBRATION_SAMPLES);
        LirModel lir = Lowering.lower(source, g, plan, Calibration.ranges(g, samples), new LowerOptions(seqLen, keyTile));
        for (LirOp op : lir.ops()) {
            if (op instanceof LirOp.Moe moe && moe.up().get(0).act() instanceof ActQuant.PerRow) {
                throw new PlanError(planSource, "MoE " + moe.out().name() + " cannot run"
                        + " ternary experts: an expert's rows are gathered by token, and a gathered MM has no per-row scales; give"
                        + " the MoE another scheme");
            }
            if (op instanceof LirOp.Moe moe && moe.gating() == LirOp.Gating.PICKED_OF_SOFTMAX) {
                throw new PlanError(source, "MoE " + moe.out().name() + " gates its experts with their probabilities in the softmax"
                        + " over all experts (V-MoE, M3ViT); VTOPK gates with the softmax of the picked logits, so the accelerator"
                        + " cannot run it (model run can)");
            }
            if (op instanceof LirOp.Attention a && a.window() > 0) {
                throw new PlanError(source, "attention " + a.out().name() + " has a sliding window of " + a.window() + " keys; VATTN"
                        + " masks only the keys after a row, so the accelerator cannot run it (model run can)");
            }
        }
        return new Frontend(source, g, plan, lir);
    }

    /** What plan.json and the header hash call the quantization: the default scheme and every override. */
    public String planLabel() {
        StringBuilder b = new StringBuilder(plan.defaultScheme().label());
        plan.overrides().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> b.append(' ').append(e.getKey()).append('=').append(e.getValue().label()));
        return b.toString();
    }
}
