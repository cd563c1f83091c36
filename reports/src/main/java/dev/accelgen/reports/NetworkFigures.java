package dev.accelgen.reports;

import dev.accelgen.reports.data.BuildInfo;
import dev.accelgen.reports.data.Layer;
import dev.accelgen.reports.data.Performance;
import dev.accelgen.reports.data.ReportData;
import dev.accelgen.reports.data.Resources;
import java.util.List;
import java.util.Optional;

/**
 * Whole-network figures, all modelled: the reference run (one decode step at the stated context when the model
 * decodes, else one prefill or run), its cycles (the golden timing model's run total when performance data exist,
 * else the sum of its layers' cycles), the slowest layer, throughput and latency at the design clock, and the
 * prefill, decode and bandwidth figures. Null where the data for a figure are absent.
 */
public record NetworkFigures(String referenceRun, long criticalPathCycles, Long maxCycles, String maxCyclesNodeName,
        double clockMhz, double throughputPerS, double latencyNs, Double prefillMs, Double decodeTokensPerS,
        Double decodeGbps, Double bandwidthUtilization, Double boardBandwidthUtilization, double peakGops,
        double portsGbps, double boardGbps, Boolean fits) {

    /** Empty when the data have neither layers nor performance figures. */
    public static Optional<NetworkFigures> of(ReportData data) {
        BuildInfo b = data.build();
        Performance perf = data.performance();
        if (data.layers() == null && perf == null) {
            return Optional.empty();
        }
        List<Layer> layers = data.layers() == null ? List.of() : referenceLayers(data.layers().layers());
        String run;
        long cycles;
        if (perf != null) {
            run = perf.hasDecode() ? "decode step at context " + perf.context() : "prefill of " + perf.promptLen() + " tokens";
            cycles = perf.hasDecode() ? perf.decodeCycles() : perf.prefillCycles();
        } else {
            run = layers.isEmpty() || layers.get(0).phase().equals("run") ? "one run (sum of layer cycles)"
                    : layers.get(0).phase() + " (sum of layer cycles)";
            cycles = layers.stream().mapToLong(Layer::cycles).sum();
        }
        Layer slowest = layers.stream().reduce((a, c) -> c.cycles() > a.cycles() ? c : a).orElse(null);
        double mhz = b.design().clockMhz();
        double ports = Metrics.round(b.design().portsGbps());
        double board = Metrics.round(b.board().memoryGbps());
        Double decodeGbps = perf != null && perf.decodeOffchipBytes() != null ? Metrics.gbps(perf.decodeOffchipBytes(), perf.decodeCycles(), mhz) : null;
        return Optional.of(new NetworkFigures(run, cycles, slowest == null ? null : slowest.cycles(),
                slowest == null ? null : slowest.name(), mhz, cycles == 0 ? 0 : Metrics.perSecond(cycles, mhz),
                Metrics.round(cycles * 1e3 / mhz),
                perf == null ? null : Metrics.ms(perf.prefillCycles(), mhz),
                perf != null && perf.hasDecode() ? Metrics.perSecond(perf.decodeCycles(), mhz) : null,
                decodeGbps,
                decodeGbps == null || ports == 0 ? null : Metrics.ratio(decodeGbps, ports),
                decodeGbps == null ? null : Metrics.ratio(decodeGbps, board),
                Metrics.round(b.design().peakGops()), ports, board,
                data.resourceModel() == null ? null : fits(data.resourceModel().total(), b.board().budget())));
    }

    /** Whether every resource of {@code used} is within {@code budget}. */
    public static boolean fits(Resources used, Resources budget) {
        return Resources.KEYS.stream().allMatch(k -> used.get(k) <= budget.get(k));
    }

    /** The decode layers when there are any, else all of them. */
    static List<Layer> referenceLayers(List<Layer> all) {
        List<Layer> decode = all.stream().filter(l -> l.phase().equals("decode")).toList();
        return decode.isEmpty() ? all : decode;
    }
}
