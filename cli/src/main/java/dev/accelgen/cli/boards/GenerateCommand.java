package dev.accelgen.cli.boards;

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
import dev.accelgen.cli.accel.BackendOptions;
import dev.accelgen.errors.OptionError;
import dev.accelgen.sim.files.OutputDir;
import dev.accelgen.sim.tools.ToolMissingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code accelgen generate MODEL --board B --out DIR}: writes a lab bundle (RTL, constraints, vendor scripts, host
 * programs, golden files, memory images) and prints its tree. MODEL is a compiled model (zoo:..., ONNX, config.json;
 * the compiler's options as in {@code compile}) or the built-in workload builtin:gemm; both take the same bundle
 * layout. The bundle is written to a temporary directory and moved into place only when complete.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a bring-up bundle for a board: a compiled model (zoo:<name>, file.onnx, config.json) or builtin:gemm.")
public final class GenerateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    BackendOptions options;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory: new, empty, or an earlier accelgen output (with --force)")
    Path out;

    @Mixin
    ForceOption force;

    @Option(names = "--prompt-len", paramLabel = "P",
            description = "compiled decoders: prefill rows of the bring-up sequence (default: the model's rows less the decode steps)")
    Integer promptLen;

    @Option(names = "--decode-steps", paramLabel = "N",
            description = "compiled decoders: one-token runs after the prefill (default 2; 0 for whole-sequence models)")
    Integer decodeSteps;

    @Option(names = "--rows", description = "builtin:gemm: systolic array rows (default per board)")
    Integer rows;

    @Option(names = "--cols", description = "builtin:gemm: systolic array columns (default per board)")
    Integer cols;

    @Option(names = "--k", description = "builtin:gemm: reduction depth of the GEMM (default per board)")
    Integer k;

    @Option(names = "--data-bits", description = "builtin:gemm: AXI data width 32..512 (default per board: 32 ZCU104, 256 U280)")
    Integer dataBits;

    @Option(names = "--max-burst", description = "builtin:gemm: AXI burst limit in beats, a power of two 1..256 (default per board)")
    Integer maxBurst;

    @Option(names = "--max-outstanding", description = "builtin:gemm: AXI bursts in flight, 1..16 (default per board)")
    Integer maxOutstanding;

    @Option(names = "--banks", paramLabel = "BANKS",
            description = "Vitis boards: memory banks of the kernel's AXI masters, e.g. HBM[0:3] (default HBM[0], one bank per"
                    + " master from there)")
    String banks;

    @Option(names = "--no-estimate", description = "builtin:gemm: skip the Yosys resource estimate and fit check")
    boolean noEstimate;

    @Override
    public void run() {
        boolean gemm = BuiltinBundle.WORKLOAD.equals(options.model());
        if (gemm && options.compilerOptionsGiven()) {
            throw new OptionError("--scheme, --plan, --hw, --seq-len, --int8-unit", "apply to compiled models, not "
                    + BuiltinBundle.WORKLOAD);
        }
        if (!gemm && (rows != null || cols != null || k != null || dataBits != null || maxBurst != null
                || maxOutstanding != null || noEstimate)) {
            throw new OptionError("--rows, --cols, --k, --data-bits, --max-burst, --max-outstanding, --no-estimate",
                    "apply to " + BuiltinBundle.WORKLOAD + " only; a compiled model's configuration comes from the compiler"
                            + " (--scheme, --plan, --hw)");
        }
        if (gemm && (promptLen != null || decodeSteps != null)) {
            throw new OptionError("--prompt-len, --decode-steps", "apply to compiled models, not " + BuiltinBundle.WORKLOAD);
        }
        Board b = BackendOptions.board(options.boardName());
        options.check();
        OutputDir.check(out, "--out", force.force());
        MemoryPlan plan = null;
        if (banks != null) {
            if (b.flow() != Flow.VITIS_KERNEL) {
                throw new OptionError("--banks", "board " + b.name() + " uses flow " + b.flow().key()
                        + "; memory banks are chosen only for vitis_kernel boards");
            }
            plan = MemoryPlan.parse(b, banks);
        }
        BundleContent content = gemm ? gemm(b, plan) : ModelBundle.build(b, options.model(), options.compile(), promptLen, decodeSteps,
                options.seed(), spec.commandLine().getErr());
        List<GeneratedFile> files = plan == null ? BundleFiles.of(content) : BundleFiles.vitis(content, plan);
        BundleWriter.write(files, out, force.force());
        spec.commandLine().getOut().print(BundleWriter.tree(out.toString(), files));
        spec.commandLine().getOut().flush();
    }

    private BundleContent gemm(Board b, MemoryPlan plan) {
        GemmKernelConfig d = BuiltinBundle.defaultConfig(b);
        GemmKernelConfig cfg = new GemmKernelConfig(rows != null ? rows : d.rows(), cols != null ? cols : d.cols(),
                k != null ? k : d.k(), dataBits != null ? dataBits : d.dataBits(), maxBurst != null ? maxBurst : d.maxBurst(),
                maxOutstanding != null ? maxOutstanding : d.maxOutstanding());
        try {
            return BuiltinBundle.build(b, cfg, options.seed(), !noEstimate, plan);
        } catch (ToolMissingException e) {
            throw new OptionError("", e.getMessage() + "; or skip the resource estimate with --no-estimate", e);
        }
    }
}
