package dev.accelgen.cli.accel;

import dev.accelgen.boards.AcceleratorMemory;
import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.MemoryGroup;
import dev.accelgen.compiler.backend.estimate.Estimate;
import dev.accelgen.compiler.backend.estimate.EstimateRequest;
import dev.accelgen.compiler.backend.estimate.Estimator;
import dev.accelgen.errors.OptionError;
import dev.accelgen.errors.PlanError;
import dev.accelgen.pe.accel.core.EngineCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code accelgen estimate MODEL --board B [--scheme S | --plan F] [--prompt-len P] [--context C] [--clock-mhz F]
 * [--json]}: prefill latency, decode tokens/s and bandwidth from the golden model's timing-only runs of the compiled
 * program (no RTL is generated).
 */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = "Estimate prefill latency, decode tokens/s and bandwidth from the golden model's timing runs of the compiled program.")
public final class EstimateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "file.onnx, config.json or zoo:<name>")
    String model;

    @Option(names = "--board", required = true, paramLabel = "BOARD", description = "zcu104, u280, or a board.json")
    String board;

    @Option(names = "--scheme", paramLabel = "S", description = "ternary, w{2,3,4,8}a{8,16}, int8, int8-N:M (default int8)")
    String scheme;

    @Option(names = "--plan", paramLabel = "plan.json", description = "quantization plan (instead of --scheme)")
    Path plan;

    @Option(names = "--prompt-len", defaultValue = "128", paramLabel = "P", description = "prefill tokens (default ${DEFAULT-VALUE})")
    int promptLen;

    @Option(names = "--context", defaultValue = "512", paramLabel = "C",
            description = "keys the decode step attends to (default ${DEFAULT-VALUE})")
    int context;

    @Option(names = "--clock-mhz", defaultValue = "0", paramLabel = "F",
            description = "kernel clock (default 300 MHz, lowered to where the design's ports match the board's memory)")
    double clockMhz;

    @Option(names = "--budget", defaultValue = "1.0", paramLabel = "F", description = "fraction of the board the design may use (default 1.0)")
    double budget;

    @Option(names = "--unrolled-context", defaultValue = "0", paramLabel = "N",
            description = "also compare the program with the same work unrolled one instruction stream per token over N positions"
                    + " (one timed decode step per key tile count)")
    int unrolledContext;

    @Option(names = "--json", description = "print the figures as JSON")
    boolean json;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the synthetic weights and calibration (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public void run() {
        if (scheme != null && plan != null) {
            throw new OptionError("--scheme and --plan", "give one of them: --plan holds the default scheme too");
        }
        if (!(budget > 0 && budget <= 1)) {
            throw new OptionError("--budget " + budget, "must be a fraction in (0, 1]");
        }
        Board b = BackendOptions.board(board);
        MemoryGroup mem = b.memories().get(0);
        EstimateRequest req = new EstimateRequest(model, scheme == null ? "int8" : scheme, plan, AcceleratorMemory.of(b),
                mem.banks() * mem.bankGbps(), promptLen, context, clockMhz, unrolledContext, seed);
        PrintWriter err = spec.commandLine().getErr();
        err.println("estimating " + model + " on " + b.name() + " (timing model)");
        err.flush();
        long t0 = System.nanoTime();
        Estimate e = Estimator.estimate(req, EngineCatalog.models());
        BufferFit fit = BufferFit.of(e.hw(), b, budget);
        if (!fit.fits()) {
            throw new PlanError("--budget " + budget, String.format(Locale.ROOT, "the design's on-chip buffers need %d BRAM36, %d over"
                    + " the %d that %s of %s's %s allows", fit.bram36(), fit.bram36() - fit.budget(), fit.budget(),
                    budget == 1 ? "all" : budget + "", b.name(), b.slrs().get(0).name()));
        }
        err.printf(Locale.ROOT, "estimated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        err.flush();
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(EstimateJson.write(e, fit));
        } else {
            EstimateText.lines(e, fit).forEach(o::println);
        }
        o.flush();
    }
}
