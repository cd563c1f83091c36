package dev.accelgen.cli.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.compiler.LoadedModel;
import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.hf.GraphBuilder;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.compiler.text.GraphJson;
import dev.accelgen.compiler.text.GraphText;
import dev.accelgen.compiler.text.PrecisionSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accelgen model inspect}: ops, shapes, parameter count and precision summary (weights are never loaded for configs). */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print a model's inputs, outputs, op counts, parameter count and precision summary.")
public final class ModelInspect implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "file.onnx, config.json or zoo:<name>")
    String model;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--nodes", description = "List every node with its output types.")
    boolean nodes;

    @Option(names = "--scheme", defaultValue = "int8", description = "Default precision scheme for the summary (default: ${DEFAULT-VALUE}).")
    String scheme;

    @Option(names = "--layer", paramLabel = "NAME=SCHEME", description = "Per-layer scheme override (node or weight name).")
    List<String> layers = new ArrayList<>();

    @Option(names = "--seq-len", defaultValue = "8", description = "Sequence length of config-built graphs (default: ${DEFAULT-VALUE}).")
    int seqLen;

    @Option(names = "--dim", paramLabel = "NAME=N", description = "Bound for a dynamic ONNX input dimension.")
    List<String> dims = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        QuantPlan plan = new QuantPlan(Scheme.parse(scheme), dev.accelgen.compiler.run.ModelRunner.overrides(layers));
        LoadedModel m = ModelLoader.load(model, dev.accelgen.compiler.run.ModelRunner.dims(dims),
                new BuildOptions(seqLen, GraphBuilder.WeightMode.NONE, 0));
        Graph g = m.graph();
        PrecisionSummary p = PrecisionSummary.of(g, plan);
        if (json) {
            ObjectNode root = GraphJson.toJson(g, nodes);
            root.put("source", model);
            ObjectNode prec = root.putObject("precision");
            prec.put("default_scheme", plan.defaultScheme().label());
            p.rows().forEach((k, v) -> {
                ObjectNode r = prec.putObject(k);
                r.put("layers", v.layers());
                r.put("parameters", v.params());
                r.put("bits", v.bits());
            });
            prec.put("float_parameters", p.floatParams());
            prec.put("total_weight_bytes", (p.totalBits() + 7) / 8);
            out.println(GraphJson.mapper().writeValueAsString(root));
        } else {
            out.print("model " + model + " (" + (m.isOnnx() ? "onnx" : "config") + ")\n");
            out.print(GraphText.render(g, nodes));
            out.println("precision default=" + plan.defaultScheme().label());
            p.rows().forEach((k, v) -> out.println(String.format(Locale.ROOT, "  %-10s layers=%d parameters=%s weight_bytes=%s",
                    k, v.layers(), GraphText.grouped(v.params()), GraphText.grouped((v.bits() + 7) / 8))));
            out.println(String.format(Locale.ROOT, "  %-10s parameters=%s (embeddings, norms, biases)", "float32", GraphText.grouped(p.floatParams())));
            out.println("  total weight_bytes=" + GraphText.grouped((p.totalBits() + 7) / 8));
        }
        out.flush();
        return 0;
    }

}
