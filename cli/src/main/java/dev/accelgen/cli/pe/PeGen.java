package dev.accelgen.cli.pe;

import dev.accelgen.cli.ForceOption;
import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.sim.files.OutputDir;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code accelgen pe gen <kind> ... --out DIR}: Verilog, file lists and manifest. */
@Command(mixinStandardHelpOptions = true, description = "Generate the unit's Verilog, file list and manifest.")
final class PeGen extends KindRunner {
    @Option(names = "--out", required = true,
            description = "output directory: new, empty, or an earlier accelgen output (with --force)")
    Path out;

    @Mixin
    ForceOption force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PeGen(CliKind<?> kind, KindOptions<?> options) {
        super(kind, options);
    }

    @Override
    public Integer call() {
        Record config = options.toConfig();
        OutputDir.check(out, "--out", force.force());
        Design design = elaborate(config, kind);
        Path dir = OutputDir.write(out, "--out", force.force(), design::emit);
        spec.commandLine().getOut().println("wrote " + design.files().size() + " files for " + design.topName()
                + " to " + dir);
        for (String f : design.files().keySet()) {
            spec.commandLine().getOut().println("  " + f);
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    static <C extends Record> Design elaborate(Record config, CliKind<C> kind) {
        ModuleGen<C> gen = kind.kind().generator();
        return Hdl.elaborate(gen, (C) config);
    }
}
