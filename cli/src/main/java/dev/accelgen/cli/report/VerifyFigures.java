package dev.accelgen.cli.report;

import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.compile.Frontend;
import dev.accelgen.compiler.backend.verify.ModelVerify;
import dev.accelgen.compiler.interp.SeededInputs;
import dev.accelgen.compiler.quant.Calibration;
import dev.accelgen.compiler.quant.ErrorStats;
import dev.accelgen.compiler.run.QuantReport;
import dev.accelgen.reports.data.Provenance;
import dev.accelgen.reports.data.QuantLayer;
import dev.accelgen.reports.data.Quantization;
import dev.accelgen.reports.data.Verification;
import dev.accelgen.reports.data.VerificationCase;
import dev.accelgen.sim.verilator.VerilatorBuild;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code verify} measured, as report data: the end-to-end run of the core's RTL in Verilator against the golden
 * model, and the quantization error of every weight product and model output against the float interpreter (the
 * quantized interpreter, whose arithmetic the accelerator's outputs equal bit for bit, on the graph's seeded inputs:
 * what {@code model run} prints).
 */
public final class VerifyFigures {
    private VerifyFigures() {
    }

    /**
     * The end-to-end case of {@code r} (which ran the RTL); {@code tools} gets the simulator's version next to the
     * ones given. A run that failed before the RTL finished has rtl_cycles 0.
     */
    public static Verification verification(Compiled c, ModelVerify.Report r, String sequence, long seed, Map<String, String> tools,
            String command) {
        String verilator = VerilatorBuild.verilatorVersion();
        Map<String, String> all = new TreeMap<>(tools);
        all.put("verilator", verilator);
        VerificationCase run = new VerificationCase(c.front().source() + " " + sequence, VerificationCase.Level.END_TO_END, r.pass(),
                r.goldenCycles(), Math.max(0, r.rtlCycles()), r.outputs(), seed, command, r.pass() ? "" : r.last());
        return new Verification(Provenance.measured(verilator, command), Provenance.modelled("golden model (AccelModel)", command),
                all, List.of(run));
    }

    /** Every weight product's output and every model output of the compiled model against the float interpreter. */
    public static Quantization quantization(Compiled c, long seed) {
        Frontend f = c.front();
        Map<String, Double> ranges = Calibration.ranges(f.graph(), Calibration.seededSamples(f.graph(), seed,
                Frontend.CALIBRATION_SAMPLES));
        QuantReport q = QuantReport.measure(f.source(), f.graph(), f.plan(), ranges, SeededInputs.of(f.graph(), seed));
        List<QuantLayer> layers = new ArrayList<>();
        for (QuantReport.Layer l : q.layers()) {
            layers.add(layer(l.node(), l.weight(), l.scheme(), l.error()));
        }
        List<QuantLayer> outputs = new ArrayList<>();
        q.outputs().forEach((name, e) -> outputs.add(layer(name, "", "", e)));
        StringBuilder command = new StringBuilder("accelgen model run " + f.source() + " --scheme " + f.plan().defaultScheme().label());
        f.plan().overrides().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> command.append(" --layer ").append(e.getKey()).append('=').append(e.getValue().label()));
        command.append(" --seed ").append(seed);
        return new Quantization("float interpreter (checked against onnxruntime)", layers, outputs,
                Provenance.measured("quantized interpreter (the accelerator's arithmetic, bit for bit) against the float"
                        + " interpreter on the seeded inputs", command.toString()));
    }

    private static QuantLayer layer(String name, String weight, String scheme, ErrorStats e) {
        return new QuantLayer(name, weight, scheme, e.maxAbs(), e.maxRel(), Math.max(-1, Math.min(1, e.cosine())));
    }
}
