package dev.accelgen.reports.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.reports.data.Verification;
import dev.accelgen.reports.data.VerificationCase;

/**
 * {@code verification.json}: the verdict ({@code PASS} when every case passed), counts, what measured (RTL) and
 * what modelled (golden), the tool versions, and per case golden and RTL cycles, outputs compared, seed, the first
 * mismatch and the command that re-runs it.
 */
public final class VerificationJson {
    private VerificationJson() {
    }

    public static ObjectNode of(Verification v) {
        ObjectNode o = JsonText.object();
        o.put("status", v.failed() == 0 ? "PASS" : "FAIL");
        o.put("cases", v.cases().size());
        o.put("passed", v.cases().size() - v.failed());
        o.put("failed", v.failed());
        o.set("rtl", JsonText.tree(v.rtl()));
        o.set("golden", JsonText.tree(v.golden()));
        ObjectNode tools = o.putObject("tools");
        v.sortedTools().forEach(tools::put);
        ArrayNode results = o.putArray("results");
        for (VerificationCase c : v.cases()) {
            ObjectNode r = results.addObject();
            r.put("name", c.name());
            r.put("level", c.level().label());
            r.put("status", c.passed() ? "PASS" : "FAIL");
            r.put("golden_cycles", c.goldenCycles());
            r.put("rtl_cycles", c.rtlCycles());
            r.put("cycles_equal", c.goldenCycles() == c.rtlCycles());
            r.put("outputs_compared", c.outputsCompared());
            r.put("seed", c.seed());
            r.put("mismatch", c.mismatch());
            r.put("command", c.command());
        }
        return o;
    }
}
