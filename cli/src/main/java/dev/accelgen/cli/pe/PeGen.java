package dev.accelgen.cli.pe;

import dev.accelgen.cli.OutputDir;
import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.hdl.ModuleGen;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accelgen pe gen <kind> ... --out DIR}: Verilog, file lists and manifest. */
@Command(mixinStandardHelpOptions = true, description = "Generate the unit's Verilog, file list and manifest.")
final class PeGen extends KindRunner {
    @Option(names = "--out", required = true, description = "output directory (replaced atomically)")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PeGen(CliKind<?> kind, KindOptions<?> options) {
        super(kind, options);
    }

    @Override
    public Integer call() {
        Design design = elaborate(options.toConfig(), kind);
        Path dir = OutputDir.write(out, design::emit);
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
