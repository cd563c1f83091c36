package dev.accelgen.cli;

import dev.accelgen.errors.OptionError;
import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.emit.Json;
import dev.accelgen.pe.systolic.SystolicArray;
import dev.accelgen.pe.systolic.SystolicConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accelgen bench ...}: performance and resource figures (benchmarks, not tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print figures.",
        subcommands = {BenchCommand.HdlBench.class, ResourcesBench.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, "a benchmark");
    }

    /**
     * Elaborates, checks and emits an INT8 systolic array several times; reports the best run after JVM
     * warm-up and the peak heap over all runs.
     */
    @Command(name = "hdl", mixinStandardHelpOptions = true,
            description = "Time hdl-gen on an INT8 systolic array (best of --runs after warm-up).")
    static final class HdlBench implements Runnable {
        @Option(names = "--rows", defaultValue = "64")
        int rows;

        @Option(names = "--cols", defaultValue = "64")
        int cols;

        @Option(names = "--runs", defaultValue = "5", description = "measured runs after 2 warm-up runs, 1..1000")
        int runs;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            if (runs < 1 || runs > 1000) {
                throw new OptionError("--runs " + runs, "must be in 1..1000");
            }
            Map<String, Object> best = null;
            SystolicConfig cfg = SystolicConfig.int8(rows, cols);
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            for (int i = 0; i < runs + 2; i++) {
                Map<String, Object> r = once(cfg);
                if (i >= 2 && (best == null || (double) r.get("total_ms") < (double) best.get("total_ms"))) {
                    best = r;
                }
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            best.put("peak_heap_mb", Math.round(peak / 1048576.0 * 10) / 10.0);
            best.put("runs", runs);
            spec.commandLine().getOut().print(Json.write(best));
        }

        private static Map<String, Object> once(SystolicConfig cfg) {
            long t0 = System.nanoTime();
            Design d = dev.accelgen.hdl.Hdl.elaborate(new SystolicArray(), cfg);
            long t1 = System.nanoTime();
            long bytes = d.files().values().stream().mapToLong(String::length).sum();
            long t2 = System.nanoTime();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("design", d.topName());
            r.put("pes", (long) cfg.rows() * cfg.cols());
            r.put("ir_nodes", d.irNodes());
            r.put("elaborate_ms", ms(d.elaborateNanos()));
            r.put("check_ms", ms(d.checkNanos()));
            r.put("emit_ms", ms(t2 - t1));
            r.put("total_ms", ms(t2 - t0));
            r.put("verilog_bytes", bytes);
            return r;
        }

        private static double ms(long nanos) {
            return Math.round(nanos / 1e4) / 100.0;
        }
    }
}
