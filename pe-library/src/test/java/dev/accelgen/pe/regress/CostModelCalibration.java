package dev.accelgen.pe.regress;

import dev.accelgen.pe.UnitKind;
import dev.accelgen.pe.UnitKinds;
import dev.accelgen.sim.regress.BatchOutcome;
import dev.accelgen.sim.regress.BatchSample;
import dev.accelgen.sim.regress.Calibration;
import dev.accelgen.sim.regress.RunContext;
import dev.accelgen.sim.regress.SuiteEntry;
import dev.accelgen.sim.regress.SuiteReader;
import dev.accelgen.sim.regress.Workload;
import dev.accelgen.sim.tools.ScratchDirs;
import dev.accelgen.sim.verilator.BuildOptions;
import dev.accelgen.sim.verilator.VerilatorBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark behind {@code CostModel.DEFAULT}: bundles of 1, 4 and 10 random configurations of every kind are
 * built cold (a fresh cache) and run; each build is timed in CPU seconds of the compiler processes (the machine is
 * shared, so wall time would measure the neighbours), and the model is fitted with {@link Calibration}. Prints one
 * line per batch and the fitted model. About 15 minutes of CPU:
 * <pre>mvn -B -pl pe-library -am test -Psweep -Dtest=CostModelCalibration -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("sweep")
class CostModelCalibration {
    private static final int[] BUNDLES = {1, 1, 4, 10};

    @Test
    void fitTheCostModel() throws Exception {
        Path cache = Files.createTempDirectory("accelgen-calibration-cache-");
        String before = System.getProperty(VerilatorBuild.CACHE_PROPERTY);
        System.setProperty(VerilatorBuild.CACHE_PROPERTY, cache.toString());
        try {
            RandomUnitCases type = new RandomUnitCases(UnitKinds.all());
            run(type, cases(type, "systolic", 1, 99)); // builds Verilator's shared runtime objects: not a sample
            List<BatchSample> samples = new ArrayList<>();
            for (UnitKind<?> k : UnitKinds.all()) {
                long seed = 3;
                for (int n : BUNDLES) {
                    samples.add(run(type, cases(type, k.name(), n, seed++)));
                }
            }
            Calibration.fit(samples).lines().forEach(System.out::println);
        } finally {
            if (before == null) {
                System.clearProperty(VerilatorBuild.CACHE_PROPERTY);
            } else {
                System.setProperty(VerilatorBuild.CACHE_PROPERTY, before);
            }
            ScratchDirs.deleteQuietly(cache);
        }
    }

    private static List<UnitCase> cases(RandomUnitCases type, String kind, int n, long seed) {
        String json = "{\"suite\": \"calibration\", \"cases\": [{\"type\": \"unit-random\", \"kind\": \"" + kind
                + "\", \"configs\": " + n + ", \"seed\": " + seed + "}]}";
        SuiteEntry entry = SuiteReader.parse(json, "calibration.json", "calibration").entries().get(0);
        return type.expand(entry);
    }

    private static BatchSample run(RandomUnitCases type, List<UnitCase> batch) throws Exception {
        double kb = 0;
        double kbm = 0;
        for (UnitCase c : batch) {
            Workload w = type.workload(c);
            kb += w.rtlBytes() / 1e3;
            kbm += w.rtlBytes() / 1e3 * w.simCycles() / 1e6;
        }
        Path scratch = Files.createTempDirectory("accelgen-calibration-");
        try {
            double cpu0 = childCpuSeconds();
            long t0 = System.nanoTime();
            BatchOutcome out = type.run(batch, new RunContext(BuildOptions.DEFAULT, scratch));
            double wall = (System.nanoTime() - t0) / 1e9;
            double buildCpu = childCpuSeconds() - cpu0;
            if (!out.verdicts().stream().allMatch(v -> v.passed())) {
                throw new AssertionError("calibration batch failed: " + out.verdicts());
            }
            BatchSample s = new BatchSample(batch.size(), kb, kbm, buildCpu, false, buildCpu + wall - out.buildSeconds());
            System.out.printf(Locale.ROOT, "batch %-10s cases %2d  %8.1f KB  %8.3f KB*Mcycle  build %6.2f s CPU  rest %5.2f s%n",
                    batch.get(0).group(), s.cases(), kb, kbm, buildCpu, s.totalSeconds() - buildCpu);
            return s;
        } finally {
            ScratchDirs.deleteQuietly(scratch);
        }
    }

    /** CPU seconds of this JVM's finished child processes (Verilator, make, g++): fields 16-17 of /proc/self/stat. */
    private static double childCpuSeconds() throws Exception {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
    }
}
