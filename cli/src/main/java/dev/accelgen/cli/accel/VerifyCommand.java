package dev.accelgen.cli.accel;

import dev.accelgen.cli.ForceOption;
import dev.accelgen.errors.OptionError;
import dev.accelgen.reports.Reports;
import dev.accelgen.sim.files.OutputDir;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code accelgen verify MODEL --board B ... [--out DIR [--synth]]}: compile, run a prefill and decode steps (or a
 * whole sequence) in the golden model and in Verilator, compare; with {@code --out} also the compilation, the verdict
 * and the report there. The verdict's last line is {@code PASS outputs=<n> rtl_cycles=<c> golden_cycles=<c>} or
 * {@code FAIL ...}.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Compile a model, run it in the accelerator's RTL (Verilator) and golden model, and compare them with each other"
                + " and with the model's interpreters.")
public final class VerifyCommand implements Callable<Integer> {
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

    @Option(names = "--out", paramLabel = "DIR",
            description = "also write the compilation (as compile does), verify.txt and the report (report-data/, report/)"
                    + " here: new, empty, or an earlier accelgen output (with --force)")
    Path out;

    @Mixin
    ForceOption force;

    @Option(names = "--synth", description = "with --out: also synthesize the core with Yosys (synth_xilinx -family xcup)"
            + " for synthesis_resources.json")
    boolean synth;

    @Override
    public Integer call() {
        options.check();
        if (out == null && (synth || force.force())) {
            throw new OptionError(synth ? "--synth" : "--force", "only applies with --out DIR");
        }
        if (out != null) {
            OutputDir.check(out, "--out", force.force());
        }
        String command = "accelgen verify " + options.args() + (promptLen != null ? " --prompt-len " + promptLen : "")
                + (decodeSteps != null ? " --decode-steps " + decodeSteps : "") + (goldenOnly ? " --golden-only" : "")
                + (synth ? " --synth" : "") + (out != null ? " --out " + out.getFileName() : "");
        VerifyRun.Result r = VerifyRun.run(new VerifyRun.Request(options, promptLen, decodeSteps, !goldenOnly, synth, out,
                force.force(), command, null), spec.commandLine().getErr());
        PrintWriter o = spec.commandLine().getOut();
        if (r.dir() != null) {
            o.println("report: " + r.dir().resolve(Reports.DIR).resolve(Reports.PAGE));
        }
        r.report().lines().forEach(o::println);
        o.flush();
        return r.report().pass() ? 0 : 1;
    }
}
