package dev.accelgen.cli.accel;

import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.verify.ModelVerify;
import dev.accelgen.pe.accel.core.EngineCatalog;
import dev.accelgen.pe.accel.model.PortTiming;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code accelgen verify MODEL --board B ...}: compile, run a prefill and decode steps (or a whole sequence) in the
 * golden model and in Verilator, compare; the last line is {@code PASS outputs=<n> rtl_cycles=<c> golden_cycles=<c>}
 * or {@code FAIL ...}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Compile a model, run it in the accelerator's RTL (Verilator) and golden model, and compare them with each other"
                + " and with the model's interpreters.")
public final class VerifyCommand implements Callable<Integer> {
    /** Memory latency of the verification runs, in cycles. */
    static final int MEMORY_LATENCY = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BackendOptions options;

    @Option(names = "--decode-steps", paramLabel = "N",
            description = "one-token runs after the prefill (decoders; default 4, and 0 for whole-sequence models, which have none)")
    Integer decodeSteps;

    @Option(names = "--prompt-len", paramLabel = "P",
            description = "prefill rows (decoders; default: the model's sequence length minus the decode steps)")
    Integer promptLen;

    @Option(names = "--golden-only", description = "skip the RTL: run the golden model and the interpreters only")
    boolean goldenOnly;

    @Override
    public Integer call() {
        options.check();
        PrintWriter err = spec.commandLine().getErr();
        err.println("compiling " + options.model + " for " + options.board);
        err.flush();
        Compiled c = options.compile();
        boolean decoder = c.lir().sequence().incremental();
        int steps = decodeSteps != null ? decodeSteps : decoder ? 4 : 0;
        int prompt = promptLen != null ? promptLen : defaultPrompt(c, steps);
        PrintWriter out = spec.commandLine().getOut();
        ModelVerify.Report r = ModelVerify.run(c, new ModelVerify.Options(prompt, steps, options.seed,
                new PortTiming(MEMORY_LATENCY, c.hw().portBytes()), !goldenOnly), EngineCatalog.models(), err);
        r.lines().forEach(out::println);
        out.flush();
        return r.pass() ? 0 : 1;
    }

    /** A decoder's default prefill: the model's rows (at most the context) less the decode steps, at least one. */
    public static int defaultPrompt(Compiled c, int steps) {
        return Math.max(1, Math.min(c.context(), graphRows(c)) - steps);
    }

    /** Rows of the model graph's first input (its token or row axis). */
    private static int graphRows(Compiled c) {
        var g = c.front().graph();
        int[] dims = g.type(g.inputs().get(0)).shape().dims();
        return c.lir().inputs().get(0).out().kind() == dev.accelgen.compiler.backend.lir.Val.Kind.TOKEN_IDS ? dims[dims.length - 1]
                : dims[dims.length - 2];
    }
}
