package dev.accelgen.pe.accel.buf;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.ir.ClockDomain;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.rtl.CoreNames;

/**
 * WBUF (cycle model: {@link WbufModel}): two banks, written by the load engine ({@code wr_*}), read by the active
 * matrix engine ({@code c_rd_*}); the read data comes from the bank of the last enabled read.
 */
public final class WbufRtl implements ModuleGen<HwConfig> {
    @Override
    public String moduleName(HwConfig c) {
        return CoreNames.of(c, "wbuf");
    }

    @Override
    public void build(ModuleBuilder b, HwConfig c) {
        b.withDomain(ClockDomain.vitis(), () -> body(b, c));
    }

    private static void body(ModuleBuilder b, HwConfig c) {
        int w = c.wbufWordBits();
        Bool rd = b.input("c_rd_en", Bool.type());
        Bool rdBank = b.input("c_rd_bank", Bool.type());
        UInt rdAddr = b.input("c_rd_addr", UInt.type(32));
        Bool wr = b.input("wr_en", Bool.type());
        Bool wrBank = b.input("wr_bank", Bool.type());
        UInt wrAddr = b.input("wr_addr", UInt.type(32));
        Bits wrData = b.input("wr_data", Bits.type(w));
        Bool clear = b.input("clear_errors", Bool.type());
        CheckedRam bank0 = new CheckedRam(b, "bank0", c.wbufWords(), w);
        CheckedRam bank1 = new CheckedRam(b, "bank1", c.wbufWords(), w);
        Bits q0 = bank0.read(rd.and(rdBank.not()), rdAddr);
        Bits q1 = bank1.read(rd.and(rdBank), rdAddr);
        Bool bankQ = b.reg("rd_bank_q", Bool.type(), 0);
        b.when(rd, () -> bankQ.set(rdBank));
        b.<Bits>output("rd_data", Bits.type(w)).set(bankQ.select(q1, q0));
        Bool done0 = bank0.write(wr.and(wrBank.not()), wrAddr, wrData);
        Bool done1 = bank1.write(wr.and(wrBank), wrAddr, wrData);
        OutOfRangeFlag.build(b, clear, bank0.outOfRange().or(bank1.outOfRange()));
        b.<Bool>output("wr_done", Bool.type()).set(done0.or(done1));
    }
}
