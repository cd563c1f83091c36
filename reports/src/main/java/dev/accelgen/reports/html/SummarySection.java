package dev.accelgen.reports.html;

import dev.accelgen.reports.Metrics;
import dev.accelgen.reports.NetworkFigures;
import dev.accelgen.reports.data.Provenance;
import dev.accelgen.reports.data.ReportData;
import dev.accelgen.reports.data.Resources;
import dev.accelgen.reports.svg.Num;
import dev.accelgen.reports.svg.Tag;
import java.util.Optional;

/** The headline figures as cards, each with its kind (measured, modelled, specified) and reproducing command. */
final class SummarySection {
    private SummarySection() {
    }

    static Tag render(ReportData d, Optional<NetworkFigures> network) {
        Tag cards = Tag.of("div").cls("cards");
        if (d.verification() != null) {
            long failed = d.verification().failed();
            int n = d.verification().cases().size();
            cards.add(card("verification", failed == 0 ? "PASS" : "FAIL", failed == 0 ? "PASS" : "FAIL",
                    "RTL vs golden model, " + (n - failed) + " of " + n + " cases", d.verification().rtl())
                    .cls("card " + (failed == 0 ? "pass" : "fail")));
        }
        if (d.synthesis() != null) {
            cards.add(resourceCard("resources-measured", d.synthesis().top().resources(), d, d.synthesis().provenance(), "Yosys"));
        }
        if (d.resourceModel() != null) {
            cards.add(resourceCard("resources-modelled", d.resourceModel().total(), d, d.resourceModel().provenance(), "model"));
        }
        cards.add(card("clock", Num.exact(d.build().design().clockMhz()), Num.human(d.build().design().clockMhz()) + " MHz",
                "kernel clock assumed", d.build().design().provenance()));
        network.ifPresent(f -> {
            Provenance p = d.performance() != null ? d.performance().provenance() : d.layers().provenance();
            if (f.prefillMs() != null) {
                cards.add(card("prefill-ms", Num.exact(f.prefillMs()), Num.human(f.prefillMs()) + " ms",
                        "prefill of " + d.performance().promptLen() + " tokens", p));
            }
            if (f.decodeTokensPerS() != null) {
                cards.add(card("decode-tokens-per-s", Num.exact(f.decodeTokensPerS()), Num.human(f.decodeTokensPerS()) + " tokens/s",
                        "decode at context " + d.performance().context(), p));
            }
            if (f.bandwidthUtilization() != null) {
                cards.add(card("bandwidth-utilization", Num.exact(f.bandwidthUtilization()), Num.percent(f.bandwidthUtilization()),
                        "of the used ports' peak (" + Num.human(f.decodeGbps()) + " of " + Num.human(f.portsGbps()) + " GB/s)", p));
            }
            if (f.prefillMs() == null) {
                cards.add(card("run-cycles", Num.exact(f.criticalPathCycles()), Num.human(f.criticalPathCycles()) + " cycles",
                        f.referenceRun(), p));
            }
        });
        if (d.quantization() != null && !d.quantization().outputs().isEmpty()) {
            double cos = d.quantization().worstOutputCosine();
            cards.add(card("worst-output-cosine", Num.exact(cos), Num.sig(cos, 6), "worst output cosine vs float",
                    d.quantization().provenance()));
        }
        return Html.section("summary", "Summary").add(cards);
    }

    /** The resource with the largest share of the budget. */
    private static Tag resourceCard(String key, Resources used, ReportData d, Provenance p, String by) {
        Resources budget = d.build().board().budget();
        String worst = "lut";
        for (String k : Resources.KEYS) {
            if (budget.get(k) > 0 && used.get(k) / budget.get(k) > used.get(worst) / budget.get(worst)) {
                worst = k;
            }
        }
        double share = Metrics.ratio(used.get(worst), budget.get(worst));
        return card(key, Num.exact(share), ResourcesSection.label(worst) + " " + Num.percent(share),
                "largest share of the " + d.build().board().name() + " budget (" + by + ")", p);
    }

    private static Tag card(String key, String value, String shown, String label, Provenance p) {
        return Tag.of("div").cls("card").data("figure", "summary-" + key).data("value", value)
                .attr("title", p.source() + "; reproduce: " + p.command())
                .add(Tag.of("div", shown).cls("value"))
                .add(Tag.of("div", label).cls("label"))
                .add(Html.tag(p.kind()));
    }
}
