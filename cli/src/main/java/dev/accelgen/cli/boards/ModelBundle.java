package dev.accelgen.cli.boards;

import dev.accelgen.boards.accel.AcceleratorBundle;
import dev.accelgen.boards.bundle.BundleContent;
import dev.accelgen.boards.model.Board;
import dev.accelgen.cli.accel.VerifyRun;
import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.compile.OpCycles;
import dev.accelgen.compiler.backend.compile.PlanJson;
import dev.accelgen.compiler.backend.verify.BringUpRun;
import dev.accelgen.pe.accel.HwConfigJson;
import dev.accelgen.pe.accel.core.EngineCatalog;
import dev.accelgen.pe.accel.isa.Listing;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A compiled model's bring-up bundle: compile (as {@code compile} does), run the bring-up sequence (prefill, decode
 * steps) in the accelerator's golden model for the images and golden outputs, and lay it out as a kernel bundle.
 */
public final class ModelBundle {
    private ModelBundle() {
    }

    /**
     * @param promptLen   a decoder's prefill rows, null for the default (as {@code verify})
     * @param decodeSteps one-row runs after the prefill, null for the default (2 for decoders)
     */
    public static BundleContent build(Board board, String model, Compiled c, Integer promptLen, Integer decodeSteps, long seed, PrintWriter progress) {
        boolean decoder = c.lir().sequence().incremental();
        int steps = decodeSteps != null ? decodeSteps : decoder ? 2 : 0;
        int prompt = promptLen != null ? promptLen : VerifyRun.defaultPrompt(c, steps);
        progress.println("running the bring-up sequence in the golden model");
        progress.flush();
        BringUpRun run = BringUpRun.of(c, prompt, steps, seed, EngineCatalog.models());
        List<AcceleratorBundle.Output> outputs = new ArrayList<>();
        run.outputs().forEach(o -> outputs.add(new AcceleratorBundle.Output(o.name(), o.port(), o.offset(), o.golden())));
        Map<String, byte[]> extra = new TreeMap<>();
        extra.put("compiled/hw.json", HwConfigJson.write(c.hw()).getBytes(StandardCharsets.UTF_8));
        extra.put("compiled/program.bin", c.programBytes());
        extra.put("compiled/program.lst", Listing.write(c.program()).getBytes(StandardCharsets.UTF_8));
        extra.put("compiled/plan.json", PlanJson.write(c, OpCycles.of(c, EngineCatalog.models()))
                .getBytes(StandardCharsets.UTF_8));
        String workload = model + " compiled for " + board.name() + "; " + run.sequence() + "; golden model "
                + run.cycles() + " cycles";
        return AcceleratorBundle.build(board, c.hw(), run.images(), run.starts(), outputs, extra, workload);
    }
}
