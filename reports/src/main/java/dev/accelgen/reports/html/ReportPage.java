package dev.accelgen.reports.html;

import dev.accelgen.reports.NetworkFigures;
import dev.accelgen.reports.data.BuildInfo;
import dev.accelgen.reports.data.Provenance;
import dev.accelgen.reports.data.ReportData;
import dev.accelgen.reports.svg.Num;
import dev.accelgen.reports.svg.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report as one self-contained HTML page: inline CSS and SVG, no script, and a Content-Security-Policy that
 * forbids loading anything, so it reads the same offline and a stray external reference shows up as a console
 * error.
 */
public final class ReportPage {
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private ReportPage() {
    }

    /** {@code sources}: each report file and its provenance, listed at the end of the page. */
    public static String render(ReportData d, Map<String, List<Provenance>> sources) {
        BuildInfo b = d.build();
        Optional<NetworkFigures> network = NetworkFigures.of(d);
        Tag head = Tag.of("head")
                .add(Tag.of("meta").attr("charset", "utf-8"))
                .add(Tag.of("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1"))
                .add(Tag.of("meta").attr("http-equiv", "Content-Security-Policy").attr("content", CSP))
                .add(Tag.of("title", "accelgen report: " + b.title()))
                .add(Tag.of("style", PageStyle.CSS));
        Tag header = Tag.of("header")
                .add(Tag.of("h1", b.title()))
                .add(Tag.of("p", b.model() + (b.scheme().isEmpty() ? "" : ", " + b.scheme()) + " on " + b.board().name() + " ("
                        + b.board().part() + "), " + Num.human(b.design().clockMhz()) + " MHz; accelgen " + b.accelgenVersion())
                        .cls("meta"))
                .add(nav());
        Tag main = Tag.of("main")
                .add(SummarySection.render(d, network))
                .add(ResourcesSection.render(d))
                .add(LayersSection.render(d))
                .add(network.map(f -> RooflineSection.render(d, f)).orElseGet(() -> Html.absent("roofline", "Roofline",
                        "No roofline: it needs per-layer figures, which compiling a model writes.")))
                .add(ContextSection.render(d))
                .add(QuantizationSection.render(d))
                .add(VerificationSection.render(d))
                .add(FilesSection.render(sources));
        Tag footer = Tag.of("footer").add(Tag.of("p", "Written by accelgen " + b.accelgenVersion() + " from this build's"
                + " report-data/; accelgen report <build directory> writes it again, byte for byte. Measured: a tool ran"
                + " (Verilator, Yosys, onnxruntime, the interpreters). Modelled: accelgen's golden timing model or resource"
                + " model. Specified: board data or the design's configuration."));
        Tag html = Tag.of("html").attr("lang", "en").add(head).add(Tag.of("body").add(header).add(main).add(footer));
        return "<!DOCTYPE html>\n" + html.render() + "\n";
    }

    private static Tag nav() {
        Tag nav = Tag.of("nav");
        for (String[] s : List.of(new String[] {"summary", "Summary"}, new String[] {"resources", "Resources"},
                new String[] {"layers", "Layers"}, new String[] {"roofline", "Roofline"},
                new String[] {"context", "Context length"}, new String[] {"quantization", "Quantization"},
                new String[] {"verification", "Verification"}, new String[] {"files", "Files"})) {
            nav.add(Tag.of("a", s[1]).attr("href", "#" + s[0]));
        }
        return nav;
    }
}
