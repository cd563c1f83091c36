package dev.accelgen.sim;

import dev.accelgen.sim.manifest.ManifestPort;
import dev.accelgen.sim.manifest.ManifestStream;
import dev.accelgen.sim.verilator.HarnessSpec;
import dev.accelgen.sim.verilator.RtlRun;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a golden trace with an RTL run event by event, in (cycle, manifest stream order):
 * values bit-exact (a golden value may be given signed or unsigned; both mean the same bit
 * pattern), cycles exact, then total cycles.
 */
public final class TraceComparator {
    private TraceComparator() {
    }

    public static VerifyResult compare(HarnessSpec spec, Trace golden, RtlRun rtl, long seed) {
        Map<String, Integer> order = new HashMap<>();
        Map<String, ManifestStream> streams = new HashMap<>();
        for (ManifestStream s : spec.outputStreams()) {
            order.put(s.name(), order.size());
            streams.put(s.name(), s);
        }
        for (OutputEvent e : golden.events()) {
            if (!order.containsKey(e.stream())) {
                return fail(golden, rtl, "FAIL golden model emitted an event on '" + e.stream()
                        + "', which is not an output stream of " + spec.top() + " (seed " + seed + ")", "");
            }
        }
        Comparator<OutputEvent> byKey = Comparator.<OutputEvent>comparingLong(OutputEvent::cycle)
                .thenComparing(e -> order.get(e.stream()));
        List<OutputEvent> exp = new ArrayList<>(golden.events());
        exp.sort(byKey);
        List<OutputEvent> act = rtl.trace().events();
        int i = 0;
        int j = 0;
        while (i < exp.size() || j < act.size()) {
            OutputEvent e = i < exp.size() ? exp.get(i) : null;
            OutputEvent a = j < act.size() ? act.get(j) : null;
            int cmp = e == null ? 1 : a == null ? -1 : byKey.compare(e, a);
            if (cmp < 0) {
                ManifestStream s = streams.get(e.stream());
                String port = s.data().isEmpty() ? s.valid() : s.data().get(0);
                return fail(golden, rtl, mismatch(e.cycle(), s.name(), port,
                        show(spec.port(port), e.values().get(port)), "none", seed),
                        nextHint(act, j, s.name(), "actual"));
            }
            if (cmp > 0) {
                ManifestStream s = streams.get(a.stream());
                String port = s.data().isEmpty() ? s.valid() : s.data().get(0);
                return fail(golden, rtl, mismatch(a.cycle(), s.name(), port, "none",
                        show(spec.port(port), a.values().get(port)), seed), nextHint(exp, i, s.name(), "expected"));
            }
            ManifestStream s = streams.get(e.stream());
            for (String port : s.data()) {
                ManifestPort p = spec.port(port);
                BigInteger ev = e.values().get(port);
                BigInteger av = a.values().get(port);
                if (!sameBits(p, ev, av)) {
                    return fail(golden, rtl, mismatch(e.cycle(), s.name(), port, show(p, ev), show(p, av), seed),
                            "event " + i + " of the golden trace");
                }
            }
            if (!s.data().containsAll(e.values().keySet())) {
                return fail(golden, rtl, "FAIL golden event at cycle " + e.cycle() + " on stream " + s.name()
                        + " sets ports " + e.values().keySet() + " but the stream's data ports are " + s.data()
                        + " (seed " + seed + ")", "");
            }
            i++;
            j++;
        }
        if (rtl.timedOut()) {
            return fail(golden, rtl, "FAIL timeout: the RTL was still busy after " + rtl.cyclesRun()
                    + " cycles (seed " + seed + ")", "");
        }
        if (golden.totalCycles() != rtl.trace().totalCycles()) {
            return fail(golden, rtl, "FAIL total cycles: expected " + golden.totalCycles() + " actual "
                    + rtl.trace().totalCycles() + " (seed " + seed + ")", "");
        }
        return new VerifyResult(true, "PASS outputs=" + act.size() + " rtl_cycles=" + rtl.trace().totalCycles()
                + " golden_cycles=" + golden.totalCycles(), "", golden, rtl);
    }

    private static boolean sameBits(ManifestPort p, BigInteger expected, BigInteger actual) {
        if (expected == null || actual == null) {
            return false;
        }
        BigInteger min = BigInteger.ONE.shiftLeft(p.width() - 1).negate();
        boolean representable = expected.compareTo(min) >= 0 && expected.bitLength() <= p.width();
        return representable && p.toBits(expected).equals(p.toBits(actual));
    }

    private static String mismatch(long cycle, String stream, String port, String expected, String actual, long seed) {
        return "FAIL first mismatch at cycle " + cycle + " stream " + stream + " port " + port + ": expected "
                + expected + " actual " + actual + " (seed " + seed + ")";
    }

    /** Decimal up to 64 bits, hex beyond (wide words are unreadable in decimal). */
    private static String show(ManifestPort p, BigInteger v) {
        if (v == null) {
            return "<no value>";
        }
        return p.width() <= 64 ? v.toString() : "0x" + p.toBits(v).toString(16);
    }

    private static String nextHint(List<OutputEvent> events, int from, String stream, String side) {
        Optional<OutputEvent> next = events.subList(from, events.size()).stream()
                .filter(x -> x.stream().equals(stream)).findFirst();
        return next.map(x -> "next " + side + " event on " + stream + " is at cycle " + x.cycle())
                .orElse("no further " + side + " events on " + stream);
    }

    private static VerifyResult fail(Trace golden, RtlRun rtl, String line, String detail) {
        return new VerifyResult(false, line, detail, golden, rtl);
    }
}
