package dev.accelgen.cli.pe;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.emit.Json;
import dev.accelgen.pe.UnitFigures;
import dev.accelgen.sim.files.TempDir;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.tools.ResourceCounts;
import dev.accelgen.sim.tools.YosysSynth;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code accelgen pe report <kind> ... [--json]}: Yosys {@code synth_xilinx -family xcup} resource counts of the
 * unit as {@link YosysSynth} bills them (LUT = LUT as logic + LUT as memory, Vivado's way) plus per-MAC figures.
 */
@Command(mixinStandardHelpOptions = true, description = "Synthesize the unit with Yosys (xcup) and report resources per MAC.")
final class PeReport extends KindRunner {
    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PeReport(CliKind<?> kind, KindOptions<?> options) {
        super(kind, options);
    }

    @Override
    public Integer call() {
        Record config = options.toConfig();
        UnitJob<?> job = UnitJob.of(kind.kind(), config);
        Map<String, Object> report = report(job);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.write(report));
        } else {
            report.forEach((k, v) -> {
                if (!(v instanceof Map)) {
                    out.println(String.format("%-16s %s", k, v));
                }
            });
        }
        return 0;
    }

    static Map<String, Object> report(UnitJob<?> job) {
        Design design = job.elaborate();
        ResourceCounts counts;
        try (TempDir dir = TempDir.inScratch("report")) {
            counts = YosysSynth.synth(ManifestReader.read(design.emit(dir.path())));
        }
        UnitFigures fig = figures(job);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("unit", job.kind().name());
        r.put("module", design.topName());
        r.put("config", design.top().params());
        r.put("description", fig.description());
        r.put("macs_per_cycle", fig.macsPerCycle());
        r.put("lut", counts.lut());
        r.put("lut_logic", counts.lutLogic());
        r.put("lut_memory", counts.lutMemory());
        r.put("lut_distributed_ram", counts.lutDistributedRam());
        r.put("lut_shift_register", counts.lutShiftRegister());
        r.put("ff", counts.ff());
        r.put("carry4", counts.carry4());
        r.put("carry8", counts.carry8());
        r.put("dsp48e2", counts.dsp48e2());
        r.put("ramb36", counts.ramb36());
        r.put("ramb18", counts.ramb18());
        r.put("bram36", counts.bram36());
        r.put("uram", counts.uram());
        long macs = Math.max(1, fig.macsPerCycle());
        r.put("lut_per_mac", round((double) counts.lut() / macs));
        r.put("ff_per_mac", round((double) counts.ff() / macs));
        r.put("dsp_per_mac", round((double) counts.dsp48e2() / macs));
        r.putAll(fig.extra());
        r.put("cells", counts.cells());
        return r;
    }

    private static <C extends Record> UnitFigures figures(UnitJob<C> job) {
        return job.kind().figures(job.config());
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
