package dev.accelgen.reports.html;

import dev.accelgen.reports.Metrics;
import dev.accelgen.reports.data.Layer;
import dev.accelgen.reports.data.LayerTable;
import dev.accelgen.reports.data.ReportData;
import dev.accelgen.reports.svg.BarChart;
import dev.accelgen.reports.svg.Num;
import dev.accelgen.reports.svg.Tag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Per layer and phase: cycles (with memory stalls) and the MAC utilization of matrix layers. */
final class LayersSection {
    private LayersSection() {
    }

    static Tag render(ReportData d) {
        LayerTable t = d.layers();
        if (t == null) {
            return Html.absent("layers", "Layers", "No per-layer figures in this build: compiling a model writes them.");
        }
        Tag section = Html.section("layers", "Layers");
        Set<String> phases = new LinkedHashSet<>();
        t.layers().forEach(l -> phases.add(l.phase()));
        for (String phase : phases) {
            List<Layer> layers = t.phase(phase);
            section.add(Tag.of("h3", "Phase: " + phase + " (" + layers.size() + " layers, "
                    + Num.human(layers.stream().mapToLong(Layer::cycles).sum()) + " cycles)"));
            BarChart cycles = new BarChart("Cycles per layer, " + phase,
                    List.of(new BarChart.Series("cycles", "cycles (golden timing model)", "modelled")), Num::human);
            BarChart util = new BarChart("MAC utilization per layer, " + phase,
                    List.of(new BarChart.Series("utilization", "MACs / (MAC lanes x cycles)", "modelled")), Num::percent)
                    .reference(1.0, "all lanes busy");
            for (Layer l : layers) {
                String stall = l.stallCycles() == null || l.stallCycles() == 0 ? "" : " (" + Num.human(l.stallCycles()) + " stalled)";
                cycles.row(l.name(), l.name(), List.of(BarChart.Bar.of(l.cycles(), Num.human(l.cycles()) + stall)));
                if (l.isMatrix()) {
                    double u = Metrics.round(l.utilization());
                    util.row(l.name(), l.name(), List.of(BarChart.Bar.of(u, Num.percent(u) + " on " + l.unit())));
                }
            }
            section.add(Html.figure("layer-cycles-" + phase, cycles.render(), "Cycles the golden timing model attributes to"
                    + " each layer, memory stalls included.", List.of(t.provenance())));
            if (!util.isEmpty()) {
                section.add(Html.figure("layer-utilization-" + phase, util.render(), "Matrix layers: MACs done over the"
                        + " unit's MAC lanes times the layer's cycles.", List.of(t.provenance())));
            }
        }
        section.add(Html.details("All layers", table(t, d.build().design().clockMhz())));
        return section;
    }

    private static Tag table(LayerTable t, double clockMhz) {
        List<List<Object>> rows = new ArrayList<>();
        for (Layer l : t.layers()) {
            rows.add(List.of(l.name(), l.phase(), l.unit(), Html.num(Num.human(l.cycles())), Html.num(l.stallCycles() == null ? "-" : Num.human(l.stallCycles())),
                    Html.num(Num.human(l.macs())), Html.num(l.isMatrix() ? Num.percent(Metrics.round(l.utilization())) : "-"),
                    Html.num(Num.human(l.offchipBytes())),
                    Html.num(l.isMatrix() ? Num.human(Metrics.gops(l, clockMhz)) : "-")));
        }
        return Html.table(List.of("layer", "phase", "unit", "cycles", "stall cycles", "MACs", "utilization", "off-chip bytes",
                "GOP/s"), rows);
    }
}
