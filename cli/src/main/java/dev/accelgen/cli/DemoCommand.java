package dev.accelgen.cli;

import dev.accelgen.errors.OptionError;
import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.systolic.SystolicArray;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.systolic.SystolicGolden;
import dev.accelgen.pe.systolic.SystolicStimulus;
import dev.accelgen.sim.Verifier;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.files.OutputDir;
import dev.accelgen.sim.manifest.ManifestReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The main job at this stage: generate the INT8 systolic baseline, verify it bit- and cycle-exact in
 * Verilator against its golden model, and say where the files are.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate an INT8 systolic array and verify it in Verilator against its golden model.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "out/demo",
            description = "output directory: new, empty, or an earlier accelgen output with --force (default ${DEFAULT-VALUE})")
    Path out;

    @Mixin
    ForceOption force;

    @Option(names = "--rows", defaultValue = "8")
    int rows;

    @Option(names = "--cols", defaultValue = "8")
    int cols;

    @Option(names = "--tiles", defaultValue = "50", description = "random matrix tiles to verify (default ${DEFAULT-VALUE})")
    int tiles;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        SystolicConfig cfg = SystolicConfig.int8(rows, cols);
        if (tiles < 1 || tiles > 100_000) {
            throw new OptionError("--tiles " + tiles, "must be in 1..100,000");
        }
        OutputDir.check(out, "--out", force.force());
        o.println("1/3 generating " + rows + "x" + cols + " INT8 output-stationary systolic array");
        o.flush();
        Design design = Hdl.elaborate(new SystolicArray(), cfg);
        Path dir = OutputDir.write(out, "--out", force.force(), design::emit);
        o.println("    " + design.files().size() + " files in " + dir);
        o.println("2/3 building the Verilator model and running " + tiles + " random tiles (seed " + seed + ")");
        o.flush();
        VerifyResult r = Verifier.verify(ManifestReader.read(dir.resolve(design.manifestFileName())),
                new SystolicGolden(cfg), SystolicStimulus.random(cfg, tiles, seed));
        o.println("3/3 RTL versus golden model");
        if (!r.passed() && !r.detail().isEmpty()) {
            o.println(r.detail());
        }
        o.println("    Verilog: " + dir.resolve(design.topName() + ".v"));
        o.println("    file list: " + dir.resolve(design.topName() + ".f") + ", manifest: "
                + dir.resolve(design.manifestFileName()));
        o.println(r.summaryLine());
        return r.passed() ? 0 : 1;
    }
}
