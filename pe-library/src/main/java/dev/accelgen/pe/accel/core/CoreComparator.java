package dev.accelgen.pe.accel.core;

import dev.accelgen.pe.accel.model.ModelResult;
import dev.accelgen.sim.verilator.RtlRun;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Compares the golden and RTL events of a core run item by item in (cycle, category, place) order: the first
 * difference is reported with its cycle, place (port or buffer), kind and the instruction the golden model
 * says caused it; then a timeout; then the total cycles.
 */
final class CoreComparator {
    private CoreComparator() {
    }

    static CoreVerifyResult compare(List<TraceItem> g, List<TraceItem> r, ModelResult golden, RtlRun rtl,
                                    IntFunction<String> instrName, long seed) {
        if (!rtl.protocolErrors().isEmpty()) {
            RtlRun.ProtocolError e = rtl.protocolErrors().get(0);
            return new CoreVerifyResult(false, "FAIL protocol at cycle " + e.cycle() + " memory " + e.memory() + ": "
                    + e.message() + " (seed " + seed + ")", "", golden, rtl);
        }
        int i = 0;
        int j = 0;
        while (i < g.size() || j < r.size()) {
            TraceItem e = i < g.size() ? g.get(i) : null;
            TraceItem a = j < r.size() ? r.get(j) : null;
            int cmp = e == null ? 1 : a == null ? -1 : e.compareKey(a);
            if (cmp == 0 && e.fields().equals(a.fields())) {
                i++;
                j++;
                continue;
            }
            TraceItem at = cmp <= 0 ? e : a;
            TraceItem cause = cmp <= 0 ? e : next(g, i, a);
            String expected = cmp <= 0 ? e.fields() : "none";
            String actual = cmp >= 0 ? a.fields() : "none";
            String line = "FAIL first mismatch at cycle " + at.cycle() + " " + at.where() + " " + at.category().label()
                    + provenance(cause, instrName) + ": expected " + expected + " actual " + actual + " (seed " + seed + ")";
            String detail = cmp < 0 ? hint(r, j, e, "RTL") : cmp > 0 ? hint(g, i, a, "golden") : "";
            return new CoreVerifyResult(false, line, detail, golden, rtl);
        }
        if (rtl.timedOut()) {
            return new CoreVerifyResult(false, "FAIL timeout: the RTL was still busy after " + rtl.cyclesRun()
                    + " cycles (seed " + seed + ")", "", golden, rtl);
        }
        if (golden.totalCycles() != rtl.trace().totalCycles()) {
            return new CoreVerifyResult(false, "FAIL total cycles: expected " + golden.totalCycles() + " actual "
                    + rtl.trace().totalCycles() + " (seed " + seed + ")", "", golden, rtl);
        }
        return new CoreVerifyResult(true, "PASS outputs=" + g.size() + " rtl_cycles=" + rtl.trace().totalCycles()
                + " golden_cycles=" + golden.totalCycles(), "", golden, rtl);
    }

    private static String provenance(TraceItem cause, IntFunction<String> instrName) {
        if (cause == null || cause.instr() < 0) {
            return cause != null && cause.category() == TraceItem.Category.AR ? " (program fetch)" : "";
        }
        return " (instruction " + cause.instr() + " " + instrName.apply(cause.instr()) + ")";
    }

    /** The next golden item at the same place and category as {@code like}, for its instruction. */
    private static TraceItem next(List<TraceItem> items, int from, TraceItem like) {
        for (int k = from; k < items.size(); k++) {
            TraceItem t = items.get(k);
            if (t.category() == like.category() && t.where().equals(like.where())) {
                return t;
            }
        }
        return null;
    }

    private static String hint(List<TraceItem> items, int from, TraceItem like, String side) {
        TraceItem n = next(items, from, like);
        return n == null ? "no further " + side + " " + like.category().label() + " at " + like.where()
                : "next " + side + " " + like.category().label() + " at " + like.where() + " is at cycle " + n.cycle()
                        + ": " + n.fields();
    }
}
