package dev.accelgen.reports.html;

import dev.accelgen.reports.Metrics;
import dev.accelgen.reports.data.Block;
import dev.accelgen.reports.data.Provenance;
import dev.accelgen.reports.data.ReportData;
import dev.accelgen.reports.data.Resources;
import dev.accelgen.reports.data.SynthModule;
import dev.accelgen.reports.svg.BarChart;
import dev.accelgen.reports.svg.Num;
import dev.accelgen.reports.svg.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Resources against the board budget: the model's estimate next to Yosys's count, per resource and per block. */
final class ResourcesSection {
    private ResourcesSection() {
    }

    static String label(String key) {
        return switch (key) {
            case "lut" -> "LUT";
            case "ff" -> "FF";
            case "dsp" -> "DSP";
            case "bram36" -> "BRAM36";
            case "uram" -> "URAM";
            default -> throw new IllegalArgumentException(key);
        };
    }

    static Tag render(ReportData d) {
        if (d.synthesis() == null && d.resourceModel() == null) {
            return Html.absent("resources", "Resources", "No resource figures in this build: compiling writes the"
                    + " resource model's estimate, a Yosys synthesis run adds measured counts.");
        }
        Resources budget = d.build().board().budget();
        List<BarChart.Series> series = new ArrayList<>();
        List<Resources> totals = new ArrayList<>();
        List<Provenance> sources = new ArrayList<>();
        if (d.resourceModel() != null) {
            series.add(new BarChart.Series("modelled", "modelled (resource model)", "modelled"));
            totals.add(d.resourceModel().total());
            sources.add(d.resourceModel().provenance());
        }
        if (d.synthesis() != null) {
            series.add(new BarChart.Series("measured", "measured (Yosys)", "measured"));
            totals.add(d.synthesis().top().resources());
            sources.add(d.synthesis().provenance());
        }
        sources.add(d.build().board().provenance());
        BarChart chart = new BarChart("Resources as a share of the " + d.build().board().name() + " budget", series, Num::percent)
                .reference(1.0, "budget");
        for (String k : Resources.KEYS) {
            if (budget.get(k) == 0) {
                continue; // the board has none of it (a design that uses some does not fit: see the table)
            }
            List<BarChart.Bar> bars = new ArrayList<>();
            for (Resources t : totals) {
                double share = Metrics.ratio(t.get(k), budget.get(k));
                bars.add(new BarChart.Bar(share, Num.human(t.get(k)) + " of " + Num.human(budget.get(k)) + " (" + Num.percent(share) + ")",
                        Map.of("count", Num.exact(t.get(k)), "budget", Num.exact(budget.get(k)))));
            }
            chart.row(k, label(k), bars);
        }
        Tag section = Html.section("resources", "Resources");
        section.add(Html.figure("resources", chart.render(), "Each resource as a share of the " + d.build().board().name()
                + " (" + d.build().board().part() + ") budget; the dashed line is the whole budget.", sources));
        section.add(Html.details("Per block", blockTable(d)));
        return section;
    }

    private static Tag blockTable(ReportData d) {
        List<String> headers = new ArrayList<>(List.of("block", "source"));
        Resources.KEYS.forEach(k -> headers.add(label(k)));
        List<List<Object>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (d.resourceModel() != null) {
            d.resourceModel().blocks().forEach(b -> names.add(b.name()));
        }
        if (d.synthesis() != null) {
            d.synthesis().modules().stream().map(SynthModule::name).filter(n -> !names.contains(n)).forEach(names::add);
        }
        for (String name : names) {
            if (d.resourceModel() != null) {
                d.resourceModel().blocks().stream().filter(b -> b.name().equals(name)).map(Block::resources)
                        .forEach(r -> rows.add(row(name, "modelled", r)));
            }
            if (d.synthesis() != null) {
                d.synthesis().modules().stream().filter(m -> m.name().equals(name)).map(SynthModule::resources)
                        .forEach(r -> rows.add(row(name, "measured", r)));
            }
        }
        if (d.resourceModel() != null) {
            rows.add(row("total", "modelled", d.resourceModel().total()));
        }
        if (d.synthesis() != null) {
            rows.add(row("total (" + d.synthesis().top().name() + ")", "measured", d.synthesis().top().resources()));
        }
        rows.add(row("budget", "specified", d.build().board().budget()));
        return Html.table(headers, rows);
    }

    private static List<Object> row(String name, String source, Resources r) {
        List<Object> row = new ArrayList<>(List.of(name, Tag.of("span", source).cls("prov " + source)));
        Resources.KEYS.forEach(k -> row.add(Html.num(Num.human(r.get(k)))));
        return row;
    }
}
