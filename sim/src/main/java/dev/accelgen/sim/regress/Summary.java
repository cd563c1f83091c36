package dev.accelgen.sim.regress;

import java.util.ArrayList;
import java.util.List;

/**
 * The text a run or merge prints on stdout: a count line, each failing case with its first mismatch and the
 * command that reproduces it, the problems, and a last line {@code PASS <n> cases} or {@code FAIL ...}.
 */
public final class Summary {
    private Summary() {
    }

    public static List<String> lines(RunReport r) {
        List<String> out = new ArrayList<>();
        long passed = r.count(CaseVerdict.Status.PASS);
        long failed = r.count(CaseVerdict.Status.FAIL);
        long errors = r.count(CaseVerdict.Status.ERROR);
        out.add("suite " + r.suite().name() + " (hash " + r.suite().shortHash() + ", shards " + r.shards() + "): "
                + r.results().size() + " cases, " + passed + " passed, " + failed + " failed, " + errors + " errors"
                + (r.resumed() > 0 ? " (" + r.resumed() + " from an earlier run)" : ""));
        for (CaseResult c : r.results()) {
            if (!c.passed()) {
                out.add(c.status() + " " + c.id() + ": " + c.summary());
                out.add("  reproduce: " + c.reproduce());
            }
        }
        r.problems().forEach(p -> out.add("problem: " + p));
        if (r.passed()) {
            out.add("PASS " + r.results().size() + " cases");
        } else {
            out.add("FAIL " + (failed + errors) + " of " + r.results().size() + " cases failed"
                    + (r.problems().isEmpty() ? "" : ", " + r.problems().size() + " problem(s)"));
        }
        return out;
    }
}
