package dev.accelgen.cli;

import dev.accelgen.errors.OptionError;
import dev.accelgen.pe.report.PeResourceTable;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code accelgen bench resources}: the per-MAC resource table of docs/pe-resources.md and the README, as
 * Markdown, measured with the estimate {@code pe report} uses (the same counts, row by row).
 */
@Command(name = "resources", mixinStandardHelpOptions = true,
        description = "Print the per-MAC resource table of the docs (Yosys synth_xilinx -family xcup).")
final class ResourcesBench implements Runnable {
    @Option(names = "--lanes", defaultValue = "64", description = "lanes of the MixPE and ternary rows (default ${DEFAULT-VALUE})")
    int lanes;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (lanes < 2 || lanes > 512) {
            throw new OptionError("--lanes", "must be in 2..512 (got " + lanes + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(PeResourceTable.header());
        PeResourceTable.measure(lanes).forEach(r -> out.println(r.markdown()));
    }
}
