package dev.accelgen.pe.accel.core;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.model.CoreEvent;
import dev.accelgen.sim.OutputEvent;
import dev.accelgen.sim.WriteEvent;
import dev.accelgen.sim.verilator.RtlRun;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Golden and RTL events of a core run as comparable {@link TraceItem}s, in (cycle, category, place) order. */
final class CoreTrace {
    private CoreTrace() {
    }

    static List<TraceItem> golden(HwConfig c, List<CoreEvent> events) {
        List<TraceItem> out = new ArrayList<>();
        for (CoreEvent e : events) {
            if (e instanceof CoreEvent.Start s) {
                out.add(new TraceItem(s.cycle(), TraceItem.Category.START, "stream start", "beat " + s.beat(), -1));
            } else if (e instanceof CoreEvent.Done d) {
                out.add(new TraceItem(d.cycle(), TraceItem.Category.DONE, "stream done", "status=" + d.status(), -1));
            } else if (e instanceof CoreEvent.ReadRequest r) {
                out.add(new TraceItem(r.cycle(), TraceItem.Category.AR, port(r.port()), request(r.addr(), r.len()), r.instr()));
            } else if (e instanceof CoreEvent.WriteRequest w) {
                out.add(new TraceItem(w.cycle(), TraceItem.Category.AW, port(w.port()), request(w.addr(), w.len()), w.instr()));
            } else if (e instanceof CoreEvent.WriteBeat w) {
                out.add(new TraceItem(w.cycle(), TraceItem.Category.W, port(w.port()), beat(w.addr(), limbs(w.data()),
                        BigInteger.valueOf(w.strobe()).and(mask(c.portBytes())), c.portBits()), w.instr()));
            } else if (e instanceof CoreEvent.WriteResponse b) {
                out.add(new TraceItem(b.cycle(), TraceItem.Category.B, port(b.port()), "response", -1));
            } else if (e instanceof CoreEvent.BufferWrite w) {
                out.add(new TraceItem(w.cycle(), TraceItem.Category.BUFFER, "buffer " + w.buffer().label(),
                        word(w.addr(), limbs(w.data()), bits(c, w.buffer())), w.instr()));
            }
        }
        out.sort(TraceItem::compareKey);
        return out;
    }

    static List<TraceItem> rtl(HwConfig c, RtlRun run) {
        List<TraceItem> out = new ArrayList<>();
        run.acceptances().forEach(a -> out.add(new TraceItem(a.cycle(), TraceItem.Category.START, "stream start",
                "beat " + a.beat(), -1)));
        for (RtlRun.MemoryRequest r : run.memoryRequests()) {
            out.add(new TraceItem(r.cycle(), TraceItem.Category.AR, "port " + r.memory(), request(r.address(), r.len()), -1));
        }
        for (WriteEvent w : run.trace().writes()) {
            String where = "port " + w.memory();
            if (w instanceof WriteEvent.Address a) {
                out.add(new TraceItem(a.cycle(), TraceItem.Category.AW, where, request(a.address(), a.len()), -1));
            } else if (w instanceof WriteEvent.Data d) {
                out.add(new TraceItem(d.cycle(), TraceItem.Category.W, where, beat(d.address(), d.data(), d.strobe()
                        .and(mask(c.portBytes())), c.portBits()), -1));
            } else {
                out.add(new TraceItem(w.cycle(), TraceItem.Category.B, where, "response", -1));
            }
        }
        for (OutputEvent e : run.trace().events()) {
            switch (e.stream()) {
                case "done" -> out.add(new TraceItem(e.cycle(), TraceItem.Category.DONE, "stream done",
                        "status=" + e.values().get("done_status"), -1));
                case "abuf_wr" -> out.add(buffer(e, CoreEvent.Buffer.ABUF, c));
                case "sbuf_wr" -> out.add(buffer(e, CoreEvent.Buffer.SBUF, c));
                case "wbuf_wr" -> out.add(buffer(e, e.values().get("wbuf_wr_bank").signum() == 0 ? CoreEvent.Buffer.WBUF0
                        : CoreEvent.Buffer.WBUF1, c));
                default -> throw new IllegalStateException("unexpected output stream " + e.stream());
            }
        }
        out.sort(Comparator.comparing(i -> i, TraceItem::compareKey));
        return out;
    }

    private static TraceItem buffer(OutputEvent e, CoreEvent.Buffer b, HwConfig c) {
        String p = e.stream();
        return new TraceItem(e.cycle(), TraceItem.Category.BUFFER, "buffer " + b.label(),
                word(e.values().get(p + "_addr").longValue(), e.values().get(p + "_data"), bits(c, b)), -1);
    }

    private static int bits(HwConfig c, CoreEvent.Buffer b) {
        return switch (b) {
            case ABUF -> c.abufWordBits();
            case SBUF -> 32;
            case WBUF0, WBUF1 -> c.wbufWordBits();
        };
    }

    private static String port(int p) {
        return "port m" + p;
    }

    private static String request(long addr, int len) {
        return "addr=0x" + Long.toHexString(addr) + " len=" + len;
    }

    static String beat(long addr, BigInteger data, BigInteger strobe, int bits) {
        return "addr=0x" + Long.toHexString(addr) + " data=0x" + hex(data, bits) + " strb=0x" + strobe.toString(16);
    }

    private static String word(long addr, BigInteger data, int bits) {
        return "word " + addr + " data=0x" + hex(data, bits);
    }

    static String hex(BigInteger v, int bits) {
        String h = v.and(mask(bits)).toString(16);
        return "0".repeat(Math.max(0, (bits + 3) / 4 - h.length())) + h;
    }

    private static BigInteger mask(int bits) {
        return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    }

    static BigInteger limbs(long[] l) {
        BigInteger v = BigInteger.ZERO;
        for (int i = l.length - 1; i >= 0; i--) {
            v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(l[i])));
        }
        return v;
    }
}
