package dev.accelgen.cli.accel;

import dev.accelgen.cli.VersionProvider;
import dev.accelgen.cli.report.CompiledFigures;
import dev.accelgen.cli.report.ReportOutput;
import dev.accelgen.cli.report.ToolFigures;
import dev.accelgen.cli.report.VerifyFigures;
import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.compile.OpCycles;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.backend.verify.ModelVerify;
import dev.accelgen.pe.accel.core.EngineCatalog;
import dev.accelgen.pe.accel.model.PortTiming;
import dev.accelgen.reports.data.ReportData;
import dev.accelgen.sim.files.OutputDir;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.tools.ResourceCounts;
import dev.accelgen.sim.tools.YosysSynth;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * One verification of a compiled model, what {@code verify} and {@code demo} share: compile, run the sequence in the
 * golden model and (unless golden-only) the core's RTL, and, given an output directory, write there the compilation
 * (as {@code compile} does), {@code verify.txt} (the verdict's lines), optionally the core's Yosys counts, and the
 * report (report-data/, report/).
 */
public final class VerifyRun {
    /** Memory latency of the verification runs, in cycles. */
    static final int MEMORY_LATENCY = 20;

    /**
     * @param promptLen   a decoder's prefill rows (null: the model's sequence length minus the decode steps)
     * @param decodeSteps one-row runs after the prefill (null: 4 for decoders, 0 otherwise)
     * @param out         where to write, or null for nothing
     * @param command     the command line that repeats this run, for the report
     */
    /** {@code extra}, when not null, adds files to the output directory (the demo's bring-up bundle). */
    public record Request(BackendOptions options, Integer promptLen, Integer decodeSteps, boolean rtl, boolean synth, Path out,
                          boolean force, String command, BiConsumer<Path, Compiled> extra) {
    }

    /** {@code estimate}, {@code synthesis} and {@code dir} are null without an output directory (synthesis: or without synth). */
    public record Result(Compiled compiled, int promptLen, int decodeSteps, ModelVerify.Report report, OpCycles.Estimate estimate,
                         ResourceCounts synthesis, Path dir) {
        public String sequence() {
            return VerifyRun.sequence(compiled, promptLen, decodeSteps);
        }
    }

    private VerifyRun() {
    }

    public static Result run(Request q, PrintWriter err) {
        // No progress line before the sequence is checked (in ModelVerify): bad input leaves one line, the error.
        Compiled c = q.options().compile();
        boolean decoder = c.lir().sequence().incremental();
        int steps = q.decodeSteps() != null ? q.decodeSteps() : decoder ? 4 : 0;
        int prompt = q.promptLen() != null ? q.promptLen() : defaultPrompt(c, steps);
        ModelVerify.Report r = ModelVerify.run(c, new ModelVerify.Options(prompt, steps, q.options().seed,
                new PortTiming(MEMORY_LATENCY, c.hw().portBytes()), q.rtl()), EngineCatalog.models(), err);
        if (q.out() == null) {
            return new Result(c, prompt, steps, r, null, null, null);
        }
        err.println("estimating cycles per op (timing model)");
        err.flush();
        OpCycles.Estimate est = OpCycles.of(c, EngineCatalog.models());
        ResourceCounts[] counts = new ResourceCounts[1];
        Path dir = OutputDir.write(q.out(), "--out", q.force(), d -> {
            Path manifest = CompileCommand.write(d, c, est);
            if (q.extra() != null) {
                q.extra().accept(d, c);
            }
            writeText(d.resolve("verify.txt"), String.join("\n", r.lines()) + "\n");
            ReportData data = CompiledFigures.data(c, est, q.options().board(), VersionProvider.version(), q.command());
            Map<String, String> tools = new TreeMap<>(Map.of("java", System.getProperty("java.version"), "accelgen",
                    VersionProvider.version()));
            if (q.synth()) {
                err.println("synthesizing the core with Yosys (synth_xilinx -family xcup)");
                err.flush();
                counts[0] = YosysSynth.synth(ManifestReader.read(manifest));
                tools.put("yosys", YosysSynth.version());
                data = data.withSynthesis(ToolFigures.synthesis(c.hw().name(), counts[0], q.command()));
            }
            if (q.rtl()) {
                data = data.withVerification(VerifyFigures.verification(c, r, sequence(c, prompt, steps), q.options().seed, tools,
                        q.command()));
            }
            ReportOutput.write(d, data.withQuantization(VerifyFigures.quantization(c, q.options().seed)));
        });
        return new Result(c, prompt, steps, r, est, counts[0], dir);
    }

    /** "prefill of 4 rows + 4 decode steps" or "whole sequence of 8 rows". */
    static String sequence(Compiled c, int promptLen, int decodeSteps) {
        return c.lir().sequence().incremental() ? "prefill of " + promptLen + " rows + " + decodeSteps + " decode steps"
                : "whole sequence of " + promptLen + " rows";
    }

    private static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A decoder's default prefill: the model's rows (at most the context) less the decode steps, at least one. */
    public static int defaultPrompt(Compiled c, int steps) {
        return Math.max(1, Math.min(c.context(), graphRows(c)) - steps);
    }

    /** Rows of the model graph's first input (its token or row axis). */
    private static int graphRows(Compiled c) {
        var g = c.front().graph();
        int[] dims = g.type(g.inputs().get(0)).shape().dims();
        return c.lir().inputs().get(0).out().kind() == Val.Kind.TOKEN_IDS ? dims[dims.length - 1] : dims[dims.length - 2];
    }
}
