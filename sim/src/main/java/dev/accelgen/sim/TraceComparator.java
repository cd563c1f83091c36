package dev.accelgen.sim;

import dev.accelgen.sim.manifest.ManifestPort;
import dev.accelgen.sim.manifest.ManifestStream;
import dev.accelgen.sim.manifest.WriteMemoryPorts;
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
 * Compares a golden trace with an RTL run: output events in (cycle, manifest stream order) with values
 * bit-exact (a golden value may be given signed or unsigned; both mean the same bit pattern) and cycles
 * exact; the acceptance cycle of every input beat; every write-memory handshake (AW address and len, W
 * address, data and strobe, B), cycle-exact; protocol violations the harness saw. Of all mismatches the
 * earliest in cycle is reported (on a tie: protocol, acceptance, output, write), then a timeout, then
 * total cycles.
 */
public final class TraceComparator {
    private record Mismatch(long cycle, int rank, String line, String detail) {
    }

    private TraceComparator() {
    }

    public static VerifyResult compare(HarnessSpec spec, Trace golden, RtlRun rtl, long seed) {
        Optional<String> bad = GoldenTraceCheck.problem(spec, golden, seed);
        if (bad.isPresent()) {
            return fail(golden, rtl, bad.get(), "");
        }
        List<Mismatch> found = new ArrayList<>();
        rtl.protocolErrors().stream().findFirst().ifPresent(p -> found.add(new Mismatch(p.cycle(), 0, "FAIL protocol at cycle "
                + p.cycle() + " memory " + p.memory() + ": " + p.message() + " (seed " + seed + ")", "")));
        acceptanceMismatch(spec, golden, rtl, seed).ifPresent(found::add);
        outputMismatch(spec, golden, rtl, seed).ifPresent(found::add);
        writeMismatch(spec, golden, rtl, seed).ifPresent(found::add);
        Optional<Mismatch> first = found.stream().min(Comparator.comparingLong(Mismatch::cycle).thenComparingInt(Mismatch::rank));
        if (first.isPresent()) {
            return fail(golden, rtl, first.get().line(), first.get().detail());
        }
        if (rtl.timedOut()) {
            return fail(golden, rtl, "FAIL timeout: the RTL was still busy after " + rtl.cyclesRun()
                    + " cycles (seed " + seed + ")", "");
        }
        if (golden.totalCycles() != rtl.trace().totalCycles()) {
            return fail(golden, rtl, "FAIL total cycles: expected " + golden.totalCycles() + " actual "
                    + rtl.trace().totalCycles() + " (seed " + seed + ")", "");
        }
        return new VerifyResult(true, "PASS outputs=" + rtl.trace().outputCount() + " rtl_cycles="
                + rtl.trace().totalCycles() + " golden_cycles=" + golden.totalCycles(), "", golden, rtl);
    }

    /** The first input beat, over all streams, whose acceptance cycle differs. */
    private static Optional<Mismatch> acceptanceMismatch(HarnessSpec spec, Trace golden, RtlRun rtl, long seed) {
        Mismatch best = null;
        for (ManifestStream s : spec.inputStreams()) {
            Map<Integer, Long> exp = byBeat(golden.acceptances(), s.name());
            Map<Integer, Long> act = byBeat(rtl.trace().acceptances(), s.name());
            int beats = Math.max(exp.size(), act.size());
            for (int k = 0; k < beats; k++) {
                Long e = exp.get(k);
                Long a = act.get(k);
                if (e != null && e.equals(a)) {
                    continue;
                }
                String what = "FAIL input beat " + k + " of stream " + s.name();
                String line = a == null ? what + " never accepted, expected cycle " + e
                        : what + " accepted at cycle " + a + ", expected " + (e == null ? "never" : e.toString());
                long cycle = e == null ? a : a == null ? e : Math.min(e, a);
                if (best == null || cycle < best.cycle()) {
                    best = new Mismatch(cycle, 1, line + " (seed " + seed + ")", "");
                }
                break;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Map<Integer, Long> byBeat(List<Acceptance> all, String stream) {
        Map<Integer, Long> out = new HashMap<>();
        for (Acceptance a : all) {
            if (a.stream().equals(stream)) {
                out.put(a.beat(), a.cycle());
            }
        }
        return out;
    }

    private static Optional<Mismatch> outputMismatch(HarnessSpec spec, Trace golden, RtlRun rtl, long seed) {
        Map<String, Integer> order = new HashMap<>();
        Map<String, ManifestStream> streams = new HashMap<>();
        for (ManifestStream s : spec.outputStreams()) {
            order.put(s.name(), order.size());
            streams.put(s.name(), s);
        }
        Comparator<OutputEvent> byKey = Comparator.<OutputEvent>comparingLong(OutputEvent::cycle)
                .thenComparing(e -> order.get(e.stream()));
        List<OutputEvent> exp = new ArrayList<>(golden.events());
        exp.sort(byKey);
        List<OutputEvent> act = rtl.trace().events();
        for (int i = 0, j = 0; i < exp.size() || j < act.size(); i++, j++) {
            OutputEvent e = i < exp.size() ? exp.get(i) : null;
            OutputEvent a = j < act.size() ? act.get(j) : null;
            int cmp = e == null ? 1 : a == null ? -1 : byKey.compare(e, a);
            if (cmp < 0) {
                ManifestStream s = streams.get(e.stream());
                String port = firstPort(s);
                return Optional.of(new Mismatch(e.cycle(), 2, mismatch(e.cycle(), s.name(), port,
                        show(spec.port(port), e.values().get(port)), "none", seed), nextHint(act, j, s.name(), "actual")));
            }
            if (cmp > 0) {
                ManifestStream s = streams.get(a.stream());
                String port = firstPort(s);
                return Optional.of(new Mismatch(a.cycle(), 2, mismatch(a.cycle(), s.name(), port, "none",
                        show(spec.port(port), a.values().get(port)), seed), nextHint(exp, i, s.name(), "expected")));
            }
            ManifestStream s = streams.get(e.stream());
            for (String port : s.data()) {
                ManifestPort p = spec.port(port);
                if (!sameBits(p, e.values().get(port), a.values().get(port))) {
                    return Optional.of(new Mismatch(e.cycle(), 2, mismatch(e.cycle(), s.name(), port,
                            show(p, e.values().get(port)), show(p, a.values().get(port)), seed), "event " + i + " of the golden trace"));
                }
            }
        }
        return Optional.empty();
    }

    private static String firstPort(ManifestStream s) {
        return s.data().isEmpty() ? s.valid() : s.data().get(0);
    }

    private static Optional<Mismatch> writeMismatch(HarnessSpec spec, Trace golden, RtlRun rtl, long seed) {
        Map<String, WriteMemoryPorts> mems = new HashMap<>();
        Map<String, Integer> order = new HashMap<>();
        for (WriteMemoryPorts m : spec.writeMemories()) {
            order.put(m.name(), order.size());
            mems.put(m.name(), m);
        }
        Comparator<WriteEvent> byKey = Comparator.<WriteEvent>comparingLong(WriteEvent::cycle)
                .thenComparing(w -> order.get(w.memory())).thenComparingInt(WriteEvent::channelOrder);
        List<WriteEvent> exp = new ArrayList<>(golden.writes());
        exp.sort(byKey);
        List<WriteEvent> act = new ArrayList<>(rtl.trace().writes());
        act.sort(byKey);
        for (int i = 0; i < exp.size() || i < act.size(); i++) {
            WriteEvent e = i < exp.size() ? exp.get(i) : null;
            WriteEvent a = i < act.size() ? act.get(i) : null;
            int cmp = e == null ? 1 : a == null ? -1 : byKey.compare(e, a);
            WriteEvent at = cmp <= 0 ? e : a;
            int dataBytes = mems.get(at.memory()).dataBytes();
            String want = cmp > 0 ? "none" : e.fields(dataBytes);
            String got = cmp < 0 ? "none" : a.fields(dataBytes);
            if (!want.equals(got)) {
                return Optional.of(new Mismatch(at.cycle(), 3, "FAIL first mismatch at cycle " + at.cycle() + " memory "
                        + at.memory() + " " + at.channel() + ": expected " + want + " actual " + got + " (seed " + seed + ")",
                        "write handshake " + i + " of the golden trace"));
            }
        }
        return Optional.empty();
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
        Optional<OutputEvent> next = events.subList(Math.min(from, events.size()), events.size()).stream()
                .filter(x -> x.stream().equals(stream)).findFirst();
        return next.map(x -> "next " + side + " event on " + stream + " is at cycle " + x.cycle())
                .orElse("no further " + side + " events on " + stream);
    }

    private static VerifyResult fail(Trace golden, RtlRun rtl, String line, String detail) {
        return new VerifyResult(false, line, detail, golden, rtl);
    }
}
