package dev.accelgen.cli.model;

import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.errors.OptionError;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accelgen model run}: the float interpreter against the accelerator's arithmetic, error figures, PASS/FAIL as the last line. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a model in the float interpreter and in the accelerator's fixed-point arithmetic (configs get seeded synthetic weights) and report the error.")
public final class ModelRun implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "file.onnx, config.json or zoo:<name>")
    String model;

    @Option(names = "--scheme", defaultValue = "int8", description = "float, ternary, w{2,3,4,8}a{8,16}, int8, int8-2:4, int8-1:4, int8-2:8 (default: ${DEFAULT-VALUE}).")
    String scheme;

    @Option(names = "--layer", paramLabel = "NAME=SCHEME", description = "Per-layer scheme override (node or weight name).")
    List<String> layers = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", description = "Seed of inputs, calibration samples and synthetic weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--calib-samples", defaultValue = "4", description = "Seeded calibration samples (default: ${DEFAULT-VALUE}).")
    int calibSamples;

    @Option(names = "--calib", paramLabel = "INPUT=FILE",
            description = "Calibrate on provided samples: per graph input, a raw little-endian file (float32, or int64 for ids) of N samples.")
    List<String> calib = new ArrayList<>();

    @Option(names = "--compare-ort", description = "Also run onnxruntime and require max relative error <= 1e-5 (ONNX models).")
    boolean compareOrt;

    @Option(names = "--min-cosine", description = "Override the scheme's stated tolerance (least output cosine similarity).")
    Double minCosine;

    @Option(names = "--seq-len", defaultValue = "8", description = "Sequence length of config-built graphs (default: ${DEFAULT-VALUE}).")
    int seqLen;

    @Option(names = "--dim", paramLabel = "NAME=N", description = "Bound for a dynamic ONNX input dimension.")
    List<String> dims = new ArrayList<>();

    @Option(names = "--lir", description = "Also list the layer IR the accelerator runs (ops, projections, states).")
    boolean lir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (minCosine != null && !(minCosine >= -1 && minCosine <= 1)) {
            throw new OptionError("--min-cosine " + minCosine, "must be in -1..1");
        }
        QuantPlan plan = new QuantPlan(Scheme.parse(scheme), dev.accelgen.compiler.run.ModelRunner.overrides(layers));
        var result = dev.accelgen.compiler.run.ModelRunner.run(new dev.accelgen.compiler.run.ModelRunner.Request(model, plan, seed,
                calibSamples, compareOrt, seqLen, dev.accelgen.compiler.run.ModelRunner.dims(dims), minCosine,
                dev.accelgen.compiler.run.ModelRunner.calibFiles(calib), lir));
        result.lines().forEach(out::println);
        out.flush();
        return result.pass() ? 0 : 1;
    }
}
