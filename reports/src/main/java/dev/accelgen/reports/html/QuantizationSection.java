package dev.accelgen.reports.html;

import dev.accelgen.reports.data.QuantLayer;
import dev.accelgen.reports.data.Quantization;
import dev.accelgen.reports.data.ReportData;
import dev.accelgen.reports.svg.BarChart;
import dev.accelgen.reports.svg.Num;
import dev.accelgen.reports.svg.Tag;
import java.util.ArrayList;
import java.util.List;

/** Quantization error per weight product and per model output, against the float model. */
final class QuantizationSection {
    private QuantizationSection() {
    }

    static Tag render(ReportData d) {
        Quantization q = d.quantization();
        if (q == null) {
            return Html.absent("quantization", "Quantization error", "No quantization figures in this build: running the"
                    + " model in the quantized and the float interpreter writes them.");
        }
        BarChart chart = new BarChart("Max relative error against " + q.reference(),
                List.of(new BarChart.Series("max_rel", "max |q - f| / max |f|", "measured")), v -> Num.sig(v, 2));
        List<List<Object>> rows = new ArrayList<>();
        for (List<QuantLayer> group : List.of(q.layers(), q.outputs())) {
            for (QuantLayer l : group) {
                String label = group == q.outputs() ? "output " + l.name() : l.name();
                chart.row(l.name(), label, List.of(BarChart.Bar.of(l.maxRel(), Num.sig(l.maxRel(), 3) + ", cosine "
                        + Num.sig(l.cosine(), 6))));
                rows.add(List.of(label, l.weight(), l.scheme(), Html.num(Num.sig(l.maxAbs(), 3)), Html.num(Num.sig(l.maxRel(), 3)),
                        Html.num(Num.sig(l.cosine(), 6))));
            }
        }
        Tag section = Html.section("quantization", "Quantization error");
        if (chart.isEmpty()) {
            return section.add(Tag.of("p", "No quantized layers.").cls("absent"));
        }
        section.add(Html.figure("quantization", chart.render(), "Each weight product's output and each model output,"
                + " quantized against " + q.reference() + ".", List.of(q.provenance())));
        section.add(Html.details("Errors and cosine similarity", Html.table(List.of("tensor", "weight", "scheme", "max abs",
                "max rel", "cosine"), rows)));
        return section;
    }
}
