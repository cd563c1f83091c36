package dev.accelgen.pe.accel.core;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Vec;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.vector.engine.EngineIo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The compute unit's buffer ports ({@code ab_*}, {@code sb_*}, {@code wb_*}, 32-bit addresses) and the
 * multiplexer that connects the selected engine to them.
 */
record BufPorts(Bool abRdEn, UInt abRdAddr, Bits abRdData, Bool abWrEn, UInt abWrAddr, Bits abWrData,
                Bool sbRdEn, UInt sbRdAddr, Bits sbRdData, Bool sbWrEn, UInt sbWrAddr, Bits sbWrData,
                Bool wbRdEn, Bool wbRdBank, UInt wbRdAddr, Bits wbRdData) {
    static BufPorts declare(ModuleBuilder b, HwConfig c) {
        return new BufPorts(b.output("ab_rd_en", Bool.type()), b.output("ab_rd_addr", UInt.type(32)),
                b.input("ab_rd_data", Bits.type(c.abufWordBits())), b.output("ab_wr_en", Bool.type()),
                b.output("ab_wr_addr", UInt.type(32)), b.output("ab_wr_data", Bits.type(c.abufWordBits())),
                b.output("sb_rd_en", Bool.type()), b.output("sb_rd_addr", UInt.type(32)),
                b.input("sb_rd_data", Bits.type(32)), b.output("sb_wr_en", Bool.type()),
                b.output("sb_wr_addr", UInt.type(32)), b.output("sb_wr_data", Bits.type(32)),
                b.output("wb_rd_en", Bool.type()), b.output("wb_rd_bank", Bool.type()),
                b.output("wb_rd_addr", UInt.type(32)), b.input("wb_rd_data", Bits.type(c.wbufWordBits())));
    }

    /** Read data to an engine. */
    void feed(EngineIo io) {
        io.abRdData().set(abRdData);
        io.sbRdData().set(sbRdData);
        if (io.wbRdData() != null) {
            io.wbRdData().set(wbRdData);
        }
    }

    /** The selected engine's requests. */
    void drive(List<EngineIo> ios, UInt sel) {
        abRdEn.set(pick(ios, sel, EngineIo::abRdEn));
        abRdAddr.set(pickU(ios, sel, EngineIo::abRdAddr));
        abWrEn.set(pick(ios, sel, EngineIo::abWrEn));
        abWrAddr.set(pickU(ios, sel, EngineIo::abWrAddr));
        abWrData.set(new Vec<>(ios.stream().map(EngineIo::abWrData).toList()).read(sel));
        sbRdEn.set(pick(ios, sel, EngineIo::sbRdEn));
        sbRdAddr.set(pickU(ios, sel, EngineIo::sbRdAddr));
        sbWrEn.set(pick(ios, sel, EngineIo::sbWrEn));
        sbWrAddr.set(pickU(ios, sel, EngineIo::sbWrAddr));
        sbWrData.set(new Vec<>(ios.stream().map(EngineIo::sbWrData).toList()).read(sel));
        wbRdEn.set(pick(ios, sel, io -> io.wbRdEn() == null ? Bool.FALSE : io.wbRdEn()));
        wbRdBank.set(pick(ios, sel, io -> io.wbRdBank() == null ? Bool.FALSE : io.wbRdBank().bit(0)));
        wbRdAddr.set(pickU(ios, sel, io -> io.wbRdAddr() == null ? UInt.lit(0, 1) : io.wbRdAddr()));
    }

    /** No engines: every request low. */
    void idle() {
        abRdEn.set(Bool.FALSE);
        abRdAddr.set(0);
        abWrEn.set(Bool.FALSE);
        abWrAddr.set(0);
        abWrData.set(Bits.lit(0, abWrData.width()));
        sbRdEn.set(Bool.FALSE);
        sbRdAddr.set(0);
        sbWrEn.set(Bool.FALSE);
        sbWrAddr.set(0);
        sbWrData.set(Bits.lit(0, 32));
        wbRdEn.set(Bool.FALSE);
        wbRdBank.set(Bool.FALSE);
        wbRdAddr.set(0);
    }

    private static Bool pick(List<EngineIo> ios, UInt sel, Function<EngineIo, Bool> f) {
        List<Bool> v = new ArrayList<>();
        ios.forEach(io -> v.add(f.apply(io)));
        return new Vec<>(v).read(sel);
    }

    private static UInt pickU(List<EngineIo> ios, UInt sel, Function<EngineIo, UInt> f) {
        List<UInt> v = new ArrayList<>();
        ios.forEach(io -> v.add(f.apply(io).resize(32)));
        return new Vec<>(v).read(sel);
    }
}
