package dev.accelgen.cli.boards;

import dev.accelgen.boards.BoardCatalog;
import dev.accelgen.boards.bundle.BuiltinBundle;
import dev.accelgen.boards.bundle.BundleContent;
import dev.accelgen.boards.bundle.BundleFiles;
import dev.accelgen.boards.bundle.BundleWriter;
import dev.accelgen.boards.bundle.GeneratedFile;
import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.Flow;
import dev.accelgen.boards.shell.GemmKernelConfig;
import dev.accelgen.boards.vitis.MemoryPlan;
import dev.accelgen.cli.ForceOption;
import dev.accelgen.errors.BoardError;
import dev.accelgen.errors.ModelError;
import dev.accelgen.errors.OptionError;
import dev.accelgen.sim.files.OutputDir;
import dev.accelgen.sim.tools.ToolMissingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code accelgen generate MODEL --board B --out DIR}: writes a lab bundle (RTL, constraints, vendor scripts, host
 * programs, golden files, resource report) and prints its tree. Until the compiler back end exists, MODEL is a
 * built-in workload; the bundle is written to a temporary directory and moved into place only when complete.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a bring-up bundle for a board (built-in workload: builtin:gemm).")
public final class GenerateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "The model to build; available now: builtin:gemm")
    String model;

    @Option(names = "--board", required = true, paramLabel = "BOARD", description = "zcu104, u280, or a board.json")
    String board;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory: new, empty, or an earlier accelgen output (with --force)")
    Path out;

    @Mixin
    ForceOption force;

    @Option(names = "--rows", description = "Systolic array rows (default per board)")
    Integer rows;

    @Option(names = "--cols", description = "Systolic array columns (default per board)")
    Integer cols;

    @Option(names = "--k", description = "Reduction depth of the GEMM (default per board)")
    Integer k;

    @Option(names = "--data-bits", description = "AXI data width 32..512 (default per board: 32 ZCU104, 256 U280)")
    Integer dataBits;

    @Option(names = "--max-burst", description = "AXI burst limit in beats, a power of two 1..256 (default per board)")
    Integer maxBurst;

    @Option(names = "--max-outstanding", description = "AXI bursts in flight, 1..16 (default per board)")
    Integer maxOutstanding;

    @Option(names = "--banks", paramLabel = "BANKS",
            description = "Vitis boards: memory banks of the kernel's AXI master, e.g. HBM[0:3] (default HBM[0])")
    String banks;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the golden inputs (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-estimate", description = "Skip the Yosys resource estimate and fit check")
    boolean noEstimate;

    @Override
    public void run() {
        if (!BuiltinBundle.WORKLOAD.equals(model)) {
            throw new ModelError("", "MODEL '" + model + "' is not available: the compiler back end is not written yet; use "
                    + BuiltinBundle.WORKLOAD);
        }
        Board b;
        try {
            b = BoardCatalog.resolve(board);
        } catch (BoardError e) {
            throw new BoardError("--board", e.getMessage(), e);
        }
        OutputDir.check(out, "--out", force.force());
        GemmKernelConfig d = BuiltinBundle.defaultConfig(b);
        GemmKernelConfig cfg = new GemmKernelConfig(rows != null ? rows : d.rows(), cols != null ? cols : d.cols(),
                k != null ? k : d.k(), dataBits != null ? dataBits : d.dataBits(), maxBurst != null ? maxBurst : d.maxBurst(),
                maxOutstanding != null ? maxOutstanding : d.maxOutstanding());
        MemoryPlan plan = null;
        if (banks != null) {
            if (b.flow() != Flow.VITIS_KERNEL) {
                throw new OptionError("--banks", "board " + b.name() + " uses flow " + b.flow().key()
                        + "; memory banks are chosen only for vitis_kernel boards");
            }
            plan = MemoryPlan.parse(b, banks);
        }
        BundleContent content;
        try {
            content = BuiltinBundle.build(b, cfg, seed, !noEstimate, plan);
        } catch (ToolMissingException e) {
            throw new OptionError("", e.getMessage() + "; or skip the resource estimate with --no-estimate", e);
        }
        List<GeneratedFile> files = plan == null ? BundleFiles.of(content) : BundleFiles.vitis(content, plan);
        BundleWriter.write(files, out, force.force());
        spec.commandLine().getOut().print(BundleWriter.tree(out.toString(), files));
        spec.commandLine().getOut().flush();
    }
}
