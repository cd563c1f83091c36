package dev.accelgen.hdl;

import dev.accelgen.hdl.ir.ClockDomain;
import java.util.List;
import java.util.Map;

/** A test generator that uses every DSL feature once, so lint and Yosys see all emitted constructs. */
record KitchenSink(int width) implements ModuleGen<KitchenSink> {
    static final BlackBox ADDER = BlackBox.named("VENDOR_ADD").in("CLK", 1).in("A", 8).in("B", 8).out("S", 9)
            .model("VENDOR_ADD.v", """
                    module VENDOR_ADD #(parameter integer LATENCY = 1) (
                        input  wire CLK,
                        input  wire [7:0] A,
                        input  wire [7:0] B,
                        output reg  [8:0] S
                    );
                        always @(posedge CLK) S <= {1'b0, A} + {1'b0, B} + LATENCY[8:0] - 9'd1;
                    endmodule
                    """);

    static final Bundle BUS = Bundle.create().in("valid", Bool.type()).out("ready", Bool.type())
            .in("data", UInt.type(8));

    @Override
    public String moduleName(KitchenSink c) {
        return "kitchen_sink_w" + c.width();
    }

    @Override
    public void build(ModuleBuilder b, KitchenSink c) {
        int w = c.width();
        UInt a = b.input("a", UInt.type(w));
        UInt bb = b.input("b", UInt.type(w));
        SInt s = b.input("s", SInt.type(w));
        SInt t = b.input("t", SInt.type(w));
        UInt op = b.input("op", UInt.type(3));
        Bool en = b.input("en", Bool.type());
        UInt sh = b.input("sh", UInt.type(3));
        UInt reg = b.input("reg", UInt.type(w));

        UInt sel = b.wire("result", UInt.lit(0, 2 * w));
        b.switchOn(op)
                .is(0, () -> sel.set(a.add(bb).zext(2 * w)))
                .is(1, () -> sel.set(a.mul(bb)))
                .is(2, () -> sel.set(s.mul(t).asUInt()))
                .is(3, () -> sel.set(Bits.cat(a.and(bb), a.or(reg).xor(bb.not())).asUInt()))
                .is(4, () -> sel.set(s.sub(t).sext(2 * w).asUInt()))
                .is(5, () -> sel.set(a.shlDyn(sh).zext(2 * w)))
                .otherwise(() -> sel.set(s.shrDyn(sh).sext(2 * w).asUInt()));
        b.output("y", UInt.type(2 * w)).set(sel);

        Bool flags = b.named("flags", a.lt(bb).xor(s.ge(t)).or(a.orR().and(bb.andR())).xor(a.xorR()));
        b.output("f", Bool.type()).set(flags);
        b.output("sat", UInt.type(w - 2)).set(a.add(bb).saturate(w - 2));
        b.output("ssat", SInt.type(w - 2)).set(s.add(t).saturate(w - 2));
        b.output("shifts", UInt.type(w + 2)).set(a.shl(3).shr(1).trunc(w + 2));
        b.output("neg", SInt.type(w + 1)).set(s.neg());

        ClockDomain other = new ClockDomain("clk2", "rst2_n", ClockDomain.ResetKind.ASYNC, true, "ce");
        b.withDomain(other, () -> {
            UInt cnt = b.reg("count", UInt.type(w), 5);
            b.when(en, () -> cnt.set(cnt.addWrap(1))).elseWhen(a.eq(0), () -> cnt.set(cnt.subWrap(1)));
            b.output("count_out", UInt.type(w)).set(cnt);
        });

        Mem<UInt> ram = b.mem("ram", UInt.type(w), 16, RamStyle.BLOCK);
        ram.write(en, a.trunc(4), bb);
        UInt q = ram.readSync(Bool.TRUE, bb.trunc(4), "ram_q");
        Mem<UInt> rom = b.mem("rom", UInt.type(w), 4, RamStyle.DISTRIBUTED).init(1, 2, 3, 4);
        b.output("mem_out", UInt.type(w)).set(q.xor(rom.readAsync(sh.trunc(2))));

        Vec<UInt> regs = b.regVec("tap", UInt.type(w), 3, 0);
        regs.get(0).set(a);
        regs.get(1).set(regs.get(0));
        regs.get(2).set(regs.get(1));
        b.output("tap_out", UInt.type(w)).set(regs.read(op.trunc(2)));

        Ports bus = b.ports("in", BUS);
        Ports bufBus = b.ports("out", BUS.flip());
        bufBus.<Bool>get("valid").set(bus.<Bool>get("valid"));
        bufBus.<UInt>get("data").set(bus.<UInt>get("data"));
        bus.<Bool>get("ready").set(bufBus.get("ready"));
        b.stream("in", true, bus.get("valid"), bus.get("ready"), bus.get("data"));

        Instance add = b.blackBox(ADDER, "vendor_add", Map.of("LATENCY", "1"));
        add.<Bool>port("CLK").set(b.clock());
        add.<Bits>port("A").set(a.resize(8).asBits());
        add.<Bits>port("B").set(bb.resize(8).asBits());
        b.output("vendor_sum", Bits.type(9)).set(add.port("S"));

        UInt r = b.reg("wire", UInt.type(w), 0);
        r.set(reg);
        b.attribute(r, "keep", "true");
        b.output("kept", UInt.type(w)).set(r);
        List.of(0, 1).forEach(i -> b.instance(new Leaf(), w, "leaf_" + i).<UInt>port("x").set(a));
    }

    /** A trivial child used twice with one config: elaborated and emitted once. */
    static final class Leaf implements ModuleGen<Integer> {
        @Override
        public String moduleName(Integer w) {
            return "leaf_w" + w;
        }

        @Override
        public void build(ModuleBuilder b, Integer w) {
            UInt x = b.input("x", UInt.type(w));
            b.output("parity", Bool.type()).set(x.xorR());
        }
    }
}
