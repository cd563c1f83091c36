package dev.accelgen.sim.regress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits the {@link CostModel} to measured batches by least squares: the build
 * ({@code batchSeconds + b * cases + buildSecondsPerKByte * KB}) on the batches that really built, the rest of each
 * batch ({@code r * cases + simSecondsPerKByteMCycle * KB x Mcycles}: elaboration, golden models, simulation) on all
 * of them; {@code caseSeconds = b + r}. Negative coefficients are clamped to 0.
 */
public record Calibration(CostModel model, int batches, int builds, double medianRatio, double worstRatio) {
    public static Calibration fit(List<BatchSample> samples) {
        List<BatchSample> built = samples.stream().filter(s -> !s.cached()).toList();
        if (built.size() < 3 || built.stream().mapToDouble(BatchSample::rtlKBytes).distinct().count() < 2
                || built.stream().mapToInt(BatchSample::cases).distinct().count() < 2) {
            throw new IllegalArgumentException("calibration needs at least three uncached builds of different sizes and "
                    + "case counts (got " + built.size() + ")");
        }
        double[] build = LeastSquares.fit(built.stream().map(s -> new double[] {1, s.cases(), s.rtlKBytes()}).toList(),
                built.stream().mapToDouble(BatchSample::buildSeconds).toArray());
        double[] rest = LeastSquares.fit(samples.stream().map(s -> new double[] {s.cases(), s.kbMcycles()}).toList(),
                samples.stream().mapToDouble(s -> s.totalSeconds() - s.buildSeconds()).toArray());
        CostModel m = new CostModel(Math.max(0, build[0]), Math.max(0, build[1]) + Math.max(0, rest[0]),
                Math.max(0, build[2]), Math.max(0, rest[1]));
        List<Double> ratios = new ArrayList<>();
        for (BatchSample s : built) {
            double estimate = m.batchSeconds() + m.caseSeconds() * s.cases() + m.buildSecondsPerKByte() * s.rtlKBytes()
                    + m.simSecondsPerKByteMCycle() * s.kbMcycles();
            ratios.add(estimate / Math.max(1e-3, s.totalSeconds()));
        }
        ratios.sort(Double::compare);
        double worst = ratios.stream().mapToDouble(r -> Math.max(r, 1 / r)).max().orElse(1);
        return new Calibration(m, samples.size(), built.size(), ratios.get(ratios.size() / 2), worst);
    }

    /** Samples from stored results: one per complete batch (every case of it present). */
    public static List<BatchSample> samples(Collection<CaseResult> results) {
        Map<String, List<CaseResult>> byBatch = new LinkedHashMap<>();
        for (CaseResult r : results) {
            if (r.batch() != null && r.workload() != null) {
                byBatch.computeIfAbsent(r.shard() + " " + r.batch().id(), k -> new ArrayList<>()).add(r);
            }
        }
        List<BatchSample> out = new ArrayList<>();
        for (List<CaseResult> b : byBatch.values()) {
            CaseResult.BatchRecord rec = b.get(0).batch();
            if (b.size() == rec.cases()) {
                double kb = b.stream().mapToDouble(r -> r.workload().rtlBytes() / 1e3).sum();
                double kbm = b.stream().mapToDouble(r -> r.workload().rtlBytes() / 1e3 * r.workload().simCycles() / 1e6).sum();
                out.add(new BatchSample(b.size(), kb, kbm, rec.buildSeconds(), rec.buildCached(), rec.seconds()));
            }
        }
        return out;
    }

    public List<String> lines() {
        return List.of(
                String.format(Locale.ROOT, "fitted on %d batches (%d with a Verilator build):", batches, builds),
                String.format(Locale.ROOT, "  batch = %.2f s + its cases", model.batchSeconds()),
                String.format(Locale.ROOT, "  case  = %.3f s + %.4f s per KB of RTL + %.3f s per KB x Mcycle simulated",
                        model.caseSeconds(), model.buildSecondsPerKByte(), model.simSecondsPerKByteMCycle()),
                String.format(Locale.ROOT, "  estimate / measured over the built batches: median %.2f, worst factor %.2f",
                        medianRatio, worstRatio),
                String.format(Locale.ROOT, "  as Java: new CostModel(%.3f, %.4f, %.5f, %.4f)", model.batchSeconds(),
                        model.caseSeconds(), model.buildSecondsPerKByte(), model.simSecondsPerKByteMCycle()));
    }
}
