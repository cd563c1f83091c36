package dev.accelgen.boards.bundle;

import dev.accelgen.boards.fit.ResourceFit;
import dev.accelgen.boards.kernel.ArgDir;
import dev.accelgen.boards.kernel.KernelArg;
import dev.accelgen.boards.kernel.KernelSpec;
import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.Flow;
import dev.accelgen.boards.shell.ControlConfig;
import dev.accelgen.boards.shell.GemmKernel;
import dev.accelgen.boards.shell.GemmKernelConfig;
import dev.accelgen.boards.shell.StatusLeds;
import dev.accelgen.boards.shell.StatusLedsConfig;
import dev.accelgen.boards.vitis.MemoryPlan;
import dev.accelgen.boards.workload.GemmWorkload;
import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.sim.files.TempDir;
import dev.accelgen.sim.tools.ResourceCounts;
import dev.accelgen.sim.tools.YosysSynth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the bundle of the built-in GEMM workload for a board: the kernel RTL (plus status LEDs on block-design
 * boards), golden buffers from the systolic array's golden model, and the resource estimate checked against the
 * board (a design that does not fit is rejected before anything is written).
 */
public final class BuiltinBundle {
    public static final String WORKLOAD = "builtin:gemm";
    public static final long DEFAULT_SEED = 1;

    private BuiltinBundle() {
    }

    /**
     * The configuration a board gets by default: small with 32-bit data on the ZCU104; on platform boards a wider
     * array and 256-bit data, the native width of an HBM pseudo-channel.
     */
    public static GemmKernelConfig defaultConfig(Board board) {
        return board.flow() == Flow.VITIS_KERNEL ? new GemmKernelConfig(4, 8, 8, 256, 64, 8) : GemmKernelConfig.small();
    }

    public static BundleContent build(Board board, GemmKernelConfig cfg, long seed, boolean estimate) {
        return build(board, cfg, seed, estimate, null);
    }

    /** As above; {@code plan} (Vitis boards, null for the default) decides the SLR the estimate is checked against. */
    public static BundleContent build(Board board, GemmKernelConfig cfg, long seed, boolean estimate, MemoryPlan plan) {
        Design kernel = Hdl.elaborate(new GemmKernel(), cfg);
        Map<String, String> rtl = new TreeMap<>(kernel.files());
        List<Design> designs = new ArrayList<>(List.of(kernel));
        String ledModule = null;
        int ledCount = 0;
        if (board.flow() == Flow.VIVADO_BD) {
            Design leds = Hdl.elaborate(new StatusLeds(), new StatusLedsConfig(board.kernelClockMhz()));
            leds.sourceFiles().forEach(f -> rtl.put(f, leds.files().get(f)));
            designs.add(leds);
            ledModule = leds.topName();
            ledCount = StatusLeds.LEDS;
        }
        GemmWorkload workload = new GemmWorkload(cfg, seed);
        KernelSpec spec = workload.kernel(kernel.topName());
        Map<String, String> reports = new TreeMap<>();
        if (estimate) {
            String slr = board.flow() == Flow.VITIS_KERNEL ? (plan != null ? plan : MemoryPlan.defaultFor(board)).fitSlr(board)
                    : board.slrs().get(0).name();
            reports.put("resources.txt", ResourceFit.check(board, slr, kernel.topName(), synthesize(designs)));
        }
        Map<String, Long> params = new TreeMap<>(Map.of("rows", (long) cfg.rows(), "cols", (long) cfg.cols(), "k", (long) cfg.k(),
                "data_bits", (long) cfg.dataBits(), "max_burst", (long) cfg.maxBurst(), "max_outstanding", (long) cfg.maxOutstanding(),
                "status_offset", (long) new ControlConfig(GemmKernel.ARGS).statusOffset()));
        Map<String, byte[]> data = new TreeMap<>();
        Map<String, String> inits = new TreeMap<>();
        List<OutputCheck> checks = new ArrayList<>();
        workload.golden().forEach((name, bytes) -> data.put(goldenPath(name), bytes));
        for (KernelArg a : spec.args()) {
            if (a.dir() == ArgDir.IN) {
                inits.put(a.name(), goldenPath(a.name()));
            } else {
                checks.add(new OutputCheck(a.name(), a.name(), 0, a.bytes(), goldenPath(a.name())));
            }
        }
        return new BundleContent(board, spec, rtl, ledModule, ledCount, data, inits, checks, List.of(new int[0]), reports,
                workload.describe(), params);
    }

    private static String goldenPath(String arg) {
        return "golden/" + arg + ".bin";
    }

    /** The resources of every design together (the kernel and the board's small helper modules). */
    private static ResourceCounts synthesize(List<Design> designs) {
        try (TempDir dir = TempDir.inScratch("fit")) {
            List<YosysSynth.Job> jobs = new ArrayList<>();
            for (Design d : designs) {
                jobs.add(YosysSynth.Job.emit(d, dir.path().resolve(d.topName()), false));
            }
            return ResourceCounts.sum(YosysSynth.synthesize(jobs));
        }
    }
}
