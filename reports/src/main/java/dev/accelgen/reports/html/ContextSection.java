package dev.accelgen.reports.html;

import dev.accelgen.reports.Metrics;
import dev.accelgen.reports.data.ContextPoint;
import dev.accelgen.reports.data.Performance;
import dev.accelgen.reports.data.ReportData;
import dev.accelgen.reports.svg.Num;
import dev.accelgen.reports.svg.Tag;
import dev.accelgen.reports.svg.XYChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prefill latency and decode tokens/s against the context length, from the golden timing model. */
final class ContextSection {
    private ContextSection() {
    }

    static Tag render(ReportData d) {
        Performance p = d.performance();
        if (p == null || p.sweep().isEmpty()) {
            return Html.absent("context", "Context length", "No context sweep in this build: an estimate writes it.");
        }
        double mhz = d.build().design().clockMhz();
        List<XYChart.Point> prefill = new ArrayList<>();
        List<XYChart.Point> decode = new ArrayList<>();
        for (ContextPoint c : p.sweep()) {
            String key = Integer.toString(c.context());
            prefill.add(new XYChart.Point(key, c.context(), Metrics.ms(c.prefillCycles(), mhz)));
            if (c.decodeCycles() != null) {
                decode.add(new XYChart.Point(key, c.context(), Metrics.perSecond(c.decodeCycles(), mhz)));
            }
        }
        boolean log = p.sweep().get(p.sweep().size() - 1).context() >= 8 * p.sweep().get(0).context();
        XYChart.Axis x = new XYChart.Axis("context length (tokens)", log, Num::human);
        Tag section = Html.section("context", "Prefill and decode against context length");
        section.add(Html.figure("prefill-latency", new XYChart("Prefill latency", x, new XYChart.Axis("ms", false, Num::human))
                .line("prefill", "modelled", "prefill latency (ms)", prefill, "prefill", Map.of())
                .points("prefill", "modelled", null, prefill).render(),
                "Prefill of a prompt as long as the context, at " + Num.human(mhz) + " MHz.", List.of(p.provenance())));
        if (!decode.isEmpty()) {
            section.add(Html.figure("decode-throughput", new XYChart("Decode throughput", x,
                    new XYChart.Axis("tokens/s", false, Num::human))
                    .line("decode", "modelled", "decode tokens/s", decode, "decode", Map.of())
                    .points("decode", "modelled", null, decode).render(),
                    "One token per decode step at that position of the KV cache, at " + Num.human(mhz) + " MHz.",
                    List.of(p.provenance())));
        }
        return section;
    }
}
