package dev.accelgen.reports.html;

import dev.accelgen.reports.Metrics;
import dev.accelgen.reports.NetworkFigures;
import dev.accelgen.reports.data.Layer;
import dev.accelgen.reports.data.Provenance;
import dev.accelgen.reports.data.ReportData;
import dev.accelgen.reports.svg.Num;
import dev.accelgen.reports.svg.Tag;
import dev.accelgen.reports.svg.XYChart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The board's roofline: the compute peak (two operations per MAC lane per cycle), the used ports' bandwidth and
 * the board's physical bandwidth, with every matrix layer that moves off-chip bytes placed at its operations per
 * byte and achieved GOP/s.
 */
final class RooflineSection {
    private RooflineSection() {
    }

    static Tag render(ReportData d, NetworkFigures f) {
        List<Layer> placed = d.layers() == null ? List.of()
                : d.layers().layers().stream().filter(l -> l.isMatrix() && l.offchipBytes() > 0 && l.cycles() > 0).toList();
        if (placed.isEmpty() || f.peakGops() == 0 || f.portsGbps() == 0) {
            return Html.absent("roofline", "Roofline", "No roofline: it needs matrix layers that move off-chip bytes, and"
                    + " the design's MAC lanes and memory ports.");
        }
        double peak = f.peakGops();
        double lo = Math.min(peak / f.boardGbps(), peak / f.portsGbps());
        double hi = Math.max(peak / f.boardGbps(), peak / f.portsGbps());
        Map<String, List<XYChart.Point>> byPhase = new LinkedHashMap<>();
        for (Layer l : placed) {
            double x = Metrics.intensity(l);
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
            byPhase.computeIfAbsent(l.phase(), p -> new ArrayList<>()).add(new XYChart.Point(l.name(), x, Metrics.gops(l, f.clockMhz())));
        }
        double x0 = lo / 4;
        double x1 = hi * 4;
        XYChart chart = new XYChart("Roofline of " + d.build().board().name(),
                new XYChart.Axis("operations per off-chip byte", true, Num::human),
                new XYChart.Axis("GOP/s", true, Num::human));
        chart.line("peak", "peak", "compute peak " + Num.human(peak) + " GOP/s",
                List.of(new XYChart.Point("from", x0, peak), new XYChart.Point("to", x1, peak)),
                "compute peak", Map.of("gops", Num.exact(peak)));
        roof(chart, "ports", "used ports " + Num.human(f.portsGbps()) + " GB/s", f.portsGbps(), peak, x0);
        roof(chart, "board", d.build().board().memory() + " " + Num.human(f.boardGbps()) + " GB/s", f.boardGbps(), peak, x0);
        byPhase.forEach((phase, points) -> chart.points(phase, css(phase), "layers, " + phase, points));
        List<Provenance> sources = List.of(d.layers().provenance(), d.build().design().provenance(), d.build().board().provenance());
        int left = d.layers().layers().stream().filter(Layer::isMatrix).toList().size() - placed.size();
        return Html.section("roofline", "Roofline").add(Html.figure("roofline", chart.render(),
                "Log-log; a layer under a roof is bound by it. The ports' roof is what the design's memory ports move at the"
                        + " design clock, the board's what its memory can deliver." + (left > 0 ? " " + left
                        + " matrix layers move no off-chip bytes and are not placed." : ""), sources));
    }

    /** A bandwidth roof: rising with the bandwidth from x0 to where it meets the compute peak. */
    private static void roof(XYChart chart, String series, String legend, double gbps, double peak, double x0) {
        chart.line(series, series, legend, List.of(new XYChart.Point("from", x0, gbps * x0),
                new XYChart.Point("ridge", peak / gbps, peak)), series + " bandwidth", Map.of("gbps", Num.exact(gbps)));
    }

    private static String css(String phase) {
        return switch (phase) {
            case "prefill", "decode" -> phase;
            default -> "run";
        };
    }
}
