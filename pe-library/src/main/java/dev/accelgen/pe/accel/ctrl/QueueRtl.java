package dev.accelgen.pe.accel.ctrl;

import static dev.accelgen.pe.accel.rtl.RtlUtil.bitsFor;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.UInt;

/**
 * One instruction queue in RTL (cycle model: {@link InstrQueue}), built into the controller: distributed RAM
 * with an asynchronous read of the head, so the head is a function of registers (visible the cycle after its
 * push).
 */
final class QueueRtl {
    private final ModuleBuilder b;
    private final int depth;
    private final Mem<Bits> mem;
    private final UInt rd;
    private final UInt wr;
    private final UInt count;
    private final Bits head;

    QueueRtl(ModuleBuilder b, String prefix, int depth, int width) {
        this.b = b;
        this.depth = depth;
        this.mem = b.mem(prefix + "_mem", Bits.type(width), depth, RamStyle.DISTRIBUTED);
        rd = b.reg(prefix + "_rd", UInt.type(bitsFor(depth - 1)), 0);
        wr = b.reg(prefix + "_wr", UInt.type(bitsFor(depth - 1)), 0);
        count = b.reg(prefix + "_count", UInt.type(bitsFor(depth)), 0);
        head = b.named(prefix + "_head_data", mem.readAsync(rd.resize(mem.addressWidth())));
    }

    Bits head() {
        return head;
    }

    Bool valid() {
        return count.ne(0);
    }

    Bool hasRoom() {
        return count.lt(depth);
    }

    Bool empty() {
        return count.eq(0);
    }

    private UInt next(UInt p) {
        return p.eq(depth - 1).select(UInt.lit(0, p.width()), p.addWrap(1));
    }

    void tick(Bool push, Bits data, Bool pop, Bool flush) {
        mem.write(push, wr.resize(mem.addressWidth()), data);
        b.when(push, () -> wr.set(next(wr)));
        b.when(pop, () -> rd.set(next(rd)));
        int w = count.width() + 1;
        count.set(count.resize(w).addWrap(push.asUInt().resize(w)).subWrap(pop.asUInt().resize(w)).resize(count.width()));
        b.when(flush, () -> {
            rd.set(0);
            wr.set(0);
            count.set(0);
        });
    }
}
