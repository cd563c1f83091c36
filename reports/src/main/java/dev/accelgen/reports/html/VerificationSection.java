package dev.accelgen.reports.html;

import dev.accelgen.reports.data.ReportData;
import dev.accelgen.reports.data.Verification;
import dev.accelgen.reports.data.VerificationCase;
import dev.accelgen.reports.svg.BarChart;
import dev.accelgen.reports.svg.Num;
import dev.accelgen.reports.svg.Tag;
import java.util.ArrayList;
import java.util.List;

/** RTL against golden model: the verdict, golden and RTL cycles side by side, and every case with its command. */
final class VerificationSection {
    /** Past this many cases the cycle chart would be a wall of bars; the table still lists them all. */
    static final int MAX_CHARTED = 60;

    private VerificationSection() {
    }

    static Tag render(ReportData d) {
        Verification v = d.verification();
        if (v == null) {
            return Html.absent("verification", "Verification", "No verification in this build: verify runs the RTL in"
                    + " Verilator against the golden model.");
        }
        long failed = v.failed();
        Tag section = Html.section("verification", "Verification");
        section.add(Tag.of("p").cls("verdict").data("figure", "verification-status").data("value", failed == 0 ? "PASS" : "FAIL")
                .add(Tag.of("strong", failed == 0 ? "PASS" : "FAIL"))
                .text(": " + (v.cases().size() - failed) + " of " + v.cases().size() + " cases, RTL outputs and cycles equal"
                        + " to the golden model's" + (failed == 0 ? "" : " except where marked")));
        if (v.cases().size() <= MAX_CHARTED) {
            BarChart chart = new BarChart("Golden model and RTL cycles per case", List.of(
                    new BarChart.Series("golden", "golden model (modelled)", "modelled"),
                    new BarChart.Series("rtl", "RTL in Verilator (measured)", "measured")), Num::human);
            for (VerificationCase c : v.cases()) {
                chart.row(c.name(), c.name(), List.of(BarChart.Bar.of(c.goldenCycles(), Num.human(c.goldenCycles())),
                        BarChart.Bar.of(c.rtlCycles(), Num.human(c.rtlCycles()) + (c.passed() ? "" : " FAIL"))));
            }
            section.add(Html.figure("verification-cycles", chart.render(), "Cycles of each case in the golden model and in"
                    + " the RTL.", List.of(v.rtl(), v.golden())));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (VerificationCase c : v.cases()) {
            rows.add(List.of(c.name(), c.level().label(), Tag.of("td", c.passed() ? "PASS" : "FAIL").cls(c.passed() ? "pass" : "fail"),
                    Html.num(Num.human(c.goldenCycles())), Html.num(Num.human(c.rtlCycles())), Html.num(Num.human(c.outputsCompared())),
                    Html.num(Long.toString(c.seed())), c.mismatch(), Tag.of("code", c.command())));
        }
        section.add(Html.table(List.of("case", "level", "status", "golden cycles", "RTL cycles", "outputs", "seed",
                "first mismatch", "reproduce"), rows));
        List<String> tools = new ArrayList<>();
        v.sortedTools().forEach((tool, version) -> tools.add(tool + ": " + version));
        section.add(Tag.of("p", "Tools: " + String.join("; ", tools)).cls("tools"));
        return section;
    }
}
