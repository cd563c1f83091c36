package dev.accelgen.compiler.run;

import dev.accelgen.compiler.LoadedModel;
import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.LirText;
import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.interp.FloatInterpreter;
import dev.accelgen.compiler.interp.SeededInputs;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ort.OrtReference;
import dev.accelgen.compiler.ort.OrtSupport;
import dev.accelgen.compiler.quant.Calibration;
import dev.accelgen.compiler.quant.CalibrationFiles;
import dev.accelgen.compiler.quant.ErrorStats;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.compiler.quant.Tolerance;
import dev.accelgen.compiler.text.GraphText;
import dev.accelgen.errors.ModelError;
import dev.accelgen.errors.OptionError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code model run}: load (configs get seeded synthetic weights), calibrate on seeded samples, run the float
 * interpreter and the accelerator's arithmetic (the model lowered to the layer IR, {@link QuantReport}) on one seeded
 * input, optionally onnxruntime, and judge against the stated tolerances.
 */
public final class ModelRunner {
    /** Configs larger than this are not simulated (their weights would not fit comfortably in memory). */
    public static final long MAX_SIMULATED_PARAMS = 50_000_000L;

    /** Everything the run needs. */
    public record Request(String model, QuantPlan plan, long seed, int calibSamples, boolean compareOrt,
                          int seqLen, Map<String, Integer> dims, Double minCosine, Map<String, java.nio.file.Path> calibFiles,
                          boolean listLir) {
        public Request {
            calibFiles = Map.copyOf(calibFiles);
            if (calibSamples < 1 || calibSamples > 64) {
                throw new OptionError("", "calib-samples must be in 1..64 (got " + calibSamples + ")");
            }
        }
    }

    /** The outcome: report lines and the verdict (the last line is PASS/FAIL). */
    public record Result(List<String> lines, boolean pass, QuantReport report, ErrorStats ort) {
    }

    private ModelRunner() {
    }

    public static Result run(Request r) {
        long t0 = System.nanoTime();
        LoadedModel m = load(r);
        Graph g = m.graph();
        long tImport = System.nanoTime();
        if (r.compareOrt() && !m.isOnnx()) {
            throw new ModelError(r.model(), "--compare-ort needs an ONNX model (this is a config-built graph)");
        }
        if (r.compareOrt()) {
            OrtSupport.requireRunnable(m.onnxBytes(), r.model());
        }
        List<Map<String, Tensor>> samples = r.calibFiles().isEmpty() ? Calibration.seededSamples(g, r.seed(), r.calibSamples())
                : CalibrationFiles.read(g, r.calibFiles());
        Map<String, Double> ranges = Calibration.ranges(g, samples);
        Map<String, Tensor> inputs = SeededInputs.of(g, r.seed());
        long tCal = System.nanoTime();
        QuantReport q = QuantReport.measure(r.model(), g, r.plan(), ranges, inputs);
        long tRun = System.nanoTime();
        List<String> lines = new ArrayList<>();
        lines.add("model " + r.model() + " (" + (m.isOnnx() ? "onnx" : "config, synthetic weights seed " + r.seed()) + ", "
                + GraphText.grouped(g.parameterCount()) + " parameters, " + q.layers().size() + " weight MatMuls)");
        lines.add("scheme " + r.plan().defaultScheme().label() + (r.plan().overrides().isEmpty() ? "" : " with overrides " + r.plan().overrides().keySet())
                + ", activations calibrated on " + samples.size() + (r.calibFiles().isEmpty() ? " seeded" : " provided")
                + " samples, input seed " + r.seed());
        lines.addAll(accelerator(q.lir(), r.listLir()));
        for (QuantReport.Layer l : q.layers()) {
            lines.add("layer " + l.node() + " [" + l.scheme() + "] " + l.error());
        }
        for (Map.Entry<String, ErrorStats> e : q.outputs().entrySet()) {
            lines.add("output " + e.getKey() + " " + e.getValue());
        }
        ErrorStats ort = null;
        long tOrt = tRun;
        if (r.compareOrt()) {
            Map<String, Tensor> ours = FloatInterpreter.run(g, inputs);
            Map<String, Tensor> ref = m.onnxFile() != null ? OrtReference.run(m.onnxFile(), inputs) : OrtReference.run(m.onnxBytes(), inputs);
            tOrt = System.nanoTime();
            double worst = 0;
            for (Map.Entry<String, Tensor> e : ref.entrySet()) {
                ErrorStats s = ErrorStats.of(ours.get(e.getKey()), e.getValue());
                lines.add("onnxruntime " + e.getKey() + " " + s);
                if (ort == null || s.maxRel() > worst) {
                    ort = s;
                    worst = s.maxRel();
                }
            }
        }
        lines.add(String.format(Locale.ROOT, "time import=%.0fms calibrate=%.0fms float+quantized=%.0fms%s",
                ms(t0, tImport), ms(tImport, tCal), ms(tCal, tRun), r.compareOrt() ? String.format(Locale.ROOT, " onnxruntime=%.0fms", ms(tRun, tOrt)) : ""));
        double need = r.minCosine() != null ? r.minCosine() : minTolerance(q, r.plan());
        double cos = q.worstOutputCosine();
        boolean pass = cos >= need && (ort == null || ort.maxRel() <= Tolerance.ORT_MAX_REL);
        lines.add(String.format(Locale.ROOT, "%s cosine=%.6f (need >= %s)%s", pass ? "PASS" : "FAIL", cos, need,
                ort == null ? "" : String.format(Locale.ROOT, " ort_max_rel=%.2e (need <= %.0e)", ort.maxRel(), Tolerance.ORT_MAX_REL)));
        return new Result(lines, pass, q, ort);
    }

    /** What the accelerator runs: a summary of the layer IR, the lowering's notes, and with {@code list} the IR itself. */
    private static List<String> accelerator(LirModel lir, boolean list) {
        if (lir == null) {
            return List.of("accelerator: none (a float plan runs the float interpreter only)");
        }
        long projections = lir.ops().stream().filter(o -> o instanceof LirOp.Linear).count();
        long parts = lir.ops().stream().filter(o -> o instanceof LirOp.Linear).mapToLong(o -> ((LirOp.Linear) o).parts().size()).sum();
        List<String> lines = new ArrayList<>();
        lines.add("accelerator: " + lir.ops().size() + " LIR ops, " + projections + " projections (" + parts + " weight products), "
                + (lir.sequence().incremental() ? "incremental over a context of " : "whole sequences of ") + lir.sequence().positions()
                + " positions, run bit-exactly in fixed point");
        if (list) {
            lines.addAll(LirText.lines(lir));
        } else {
            lir.notes().forEach(n -> lines.add("lowering: " + n));
        }
        return lines;
    }

    private static double ms(long a, long b) {
        return (b - a) / 1e6;
    }

    private static double minTolerance(QuantReport q, QuantPlan plan) {
        double need = Tolerance.minCosine(plan.defaultScheme());
        for (Scheme s : plan.overrides().values()) {
            need = Math.min(need, Tolerance.minCosine(s));
        }
        return need;
    }

    private static LoadedModel load(Request r) {
        return loadSimulated(r.model(), r.dims(), r.seqLen(), r.seed());
    }

    /**
     * A model as {@code model run} simulates it: ONNX as it is; a config built with seeded synthetic weights for
     * {@code seqLen} tokens, refused beyond {@link #MAX_SIMULATED_PARAMS} parameters.
     */
    public static LoadedModel loadSimulated(String model, Map<String, Integer> dims, int seqLen, long seed) {
        LoadedModel shapes = ModelLoader.load(model, dims, new BuildOptions(seqLen, dev.accelgen.compiler.hf.GraphBuilder.WeightMode.NONE, seed));
        if (shapes.isOnnx()) {
            return shapes;
        }
        long params = shapes.graph().parameterCount();
        if (params > MAX_SIMULATED_PARAMS) {
            throw new ModelError(model, GraphText.grouped(params) + " parameters are too many to simulate with synthetic weights (limit "
                    + GraphText.grouped(MAX_SIMULATED_PARAMS) + "); use 'model inspect' for its graph, or run a smaller config");
        }
        return ModelLoader.load(model, dims, BuildOptions.synthetic(seqLen, seed));
    }

    /** Parses repeated {@code NAME=SCHEME} overrides. */
    public static Map<String, Scheme> overrides(List<String> specs) {
        Map<String, Scheme> m = new LinkedHashMap<>();
        for (String s : specs) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new OptionError("", "--layer must be NAME=SCHEME (got " + s + ")");
            }
            m.put(s.substring(0, eq), Scheme.parse(s.substring(eq + 1)));
        }
        return m;
    }

    /** Parses repeated {@code INPUT=FILE} calibration files. */
    public static Map<String, java.nio.file.Path> calibFiles(List<String> specs) {
        Map<String, java.nio.file.Path> m = new LinkedHashMap<>();
        for (String s : specs) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new OptionError("", "--calib must be INPUT=FILE (got " + s + ")");
            }
            m.put(s.substring(0, eq), java.nio.file.Path.of(s.substring(eq + 1)));
        }
        return m;
    }

    /** Parses repeated {@code NAME=N} dimension bounds. */
    public static Map<String, Integer> dims(List<String> specs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String s : specs) {
            int eq = s.indexOf('=');
            int v;
            try {
                v = eq <= 0 ? -1 : Integer.parseInt(s.substring(eq + 1));
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (v < 1) {
                throw new OptionError("", "--dim must be NAME=N with N >= 1 (got " + s + ")");
            }
            m.put(s.substring(0, eq), v);
        }
        return m;
    }
}
