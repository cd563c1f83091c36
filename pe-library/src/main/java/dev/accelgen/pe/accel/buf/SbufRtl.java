package dev.accelgen.pe.accel.buf;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.ir.ClockDomain;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.rtl.CoreNames;

/** SBUF (cycle model: {@link SbufModel}): 32-bit entries, read and written by the active compute engine only. */
public final class SbufRtl implements ModuleGen<HwConfig> {
    @Override
    public String moduleName(HwConfig c) {
        return CoreNames.of(c, "sbuf");
    }

    @Override
    public void build(ModuleBuilder b, HwConfig c) {
        b.withDomain(ClockDomain.vitis(), () -> body(b, c));
    }

    private static void body(ModuleBuilder b, HwConfig c) {
        Bool rd = b.input("c_rd_en", Bool.type());
        UInt rdAddr = b.input("c_rd_addr", UInt.type(32));
        Bool wr = b.input("c_wr_en", Bool.type());
        UInt wrAddr = b.input("c_wr_addr", UInt.type(32));
        Bits wrData = b.input("c_wr_data", Bits.type(32));
        Bool clear = b.input("clear_errors", Bool.type());
        CheckedRam ram = new CheckedRam(b, "sbuf", c.sbufWords(), 32);
        b.<Bits>output("rd_data", Bits.type(32)).set(ram.read(rd, rdAddr));
        Bool done = ram.write(wr, wrAddr, wrData);
        OutOfRangeFlag.build(b, clear, ram.outOfRange());
        b.<Bool>output("wr_en", Bool.type()).set(done);
        b.<UInt>output("wr_addr", UInt.type(32)).set(wrAddr);
        b.<Bits>output("wr_data", Bits.type(32)).set(wrData);
    }
}
