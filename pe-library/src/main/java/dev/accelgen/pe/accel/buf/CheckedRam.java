package dev.accelgen.pe.accel.buf;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.UInt;

/**
 * A RAM whose ports take 32-bit addresses and check them: an access at or past the depth is not performed
 * (a read then returns 0, held like any read data) and reports itself through {@link #outOfRange}.
 * Reads have one cycle of latency and are read-first.
 */
final class CheckedRam {
    /** Memories of at least this many bits are UltraRAM, smaller ones block RAM. */
    static final long ULTRA_BITS = 1L << 20;

    private final ModuleBuilder b;
    private final String name;
    private final Mem<Bits> mem;
    private final int depth;
    private Bool outOfRange = Bool.FALSE;

    CheckedRam(ModuleBuilder b, String name, int depth, int width) {
        this.b = b;
        this.name = name;
        this.depth = depth;
        RamStyle style = (long) depth * width >= ULTRA_BITS ? RamStyle.ULTRA : RamStyle.BLOCK;
        this.mem = b.mem(name, Bits.type(width), depth, style);
    }

    private Bool inRange(UInt addr) {
        return addr.lt(depth);
    }

    /** A read port: the data of the last enabled read, 0 if that read was out of range. */
    Bits read(Bool en, UInt addr) {
        Bool in = b.named(name + "_rd_in_range", inRange(addr));
        Bits q = mem.readSync(en.and(in), addr.resize(mem.addressWidth()), name + "_rd_q");
        Bool oob = b.reg(name + "_rd_oob_q", Bool.type(), 0);
        b.when(en, () -> oob.set(in.not()));
        outOfRange = outOfRange.or(en.and(in.not()));
        return b.named(name + "_rd_data", oob.select(Bits.lit(0, q.width()), q));
    }

    /** A write port; returns the write actually performed. */
    Bool write(Bool en, UInt addr, Bits data) {
        Bool in = b.named(name + "_wr_in_range", inRange(addr));
        Bool performed = b.named(name + "_wr_done", en.and(in));
        mem.write(performed, addr.resize(mem.addressWidth()), data);
        outOfRange = outOfRange.or(en.and(in.not()));
        return performed;
    }

    /** Some enabled access this cycle was out of range. */
    Bool outOfRange() {
        return outOfRange;
    }
}
