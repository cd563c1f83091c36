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
 * ABUF with its arbiter (cycle model: {@link AbufModel}): compute ({@code c_*}) has priority on the read and the
 * write port; the store engine's read ({@code st_rd_*}) and the load engine's write ({@code ld_wr_*}) are granted
 * in the cycles compute leaves the port free. {@code wr_*} outputs show the write performed (for observation).
 */
public final class AbufRtl implements ModuleGen<HwConfig> {
    @Override
    public String moduleName(HwConfig c) {
        return CoreNames.of(c, "abuf");
    }

    @Override
    public void build(ModuleBuilder b, HwConfig c) {
        b.withDomain(ClockDomain.vitis(), () -> body(b, c));
    }

    private static void body(ModuleBuilder b, HwConfig c) {
        int w = c.abufWordBits();
        Bool cRd = b.input("c_rd_en", Bool.type());
        UInt cRdAddr = b.input("c_rd_addr", UInt.type(32));
        Bool cWr = b.input("c_wr_en", Bool.type());
        UInt cWrAddr = b.input("c_wr_addr", UInt.type(32));
        Bits cWrData = b.input("c_wr_data", Bits.type(w));
        Bool stReq = b.input("st_rd_req", Bool.type());
        UInt stAddr = b.input("st_rd_addr", UInt.type(32));
        Bool ldReq = b.input("ld_wr_req", Bool.type());
        UInt ldAddr = b.input("ld_wr_addr", UInt.type(32));
        Bits ldData = b.input("ld_wr_data", Bits.type(w));
        Bool clear = b.input("clear_errors", Bool.type());
        Bool stGrant = b.output("st_rd_grant", Bool.type());
        Bool ldGrant = b.output("ld_wr_grant", Bool.type());
        Bits rdData = b.output("rd_data", Bits.type(w));

        stGrant.set(stReq.and(cRd.not()));
        ldGrant.set(ldReq.and(cWr.not()));
        CheckedRam ram = new CheckedRam(b, "abuf", c.abufWords(), w);
        rdData.set(ram.read(cRd.or(stGrant), cRd.select(cRdAddr, stAddr)));
        UInt wrAddr = b.named("wr_addr_sel", cWr.select(cWrAddr, ldAddr));
        Bits wrData = b.named("wr_data_sel", cWr.select(cWrData, ldData));
        Bool done = ram.write(cWr.or(ldGrant), wrAddr, wrData);
        OutOfRangeFlag.build(b, clear, ram.outOfRange());
        b.<Bool>output("wr_en", Bool.type()).set(done);
        b.<UInt>output("wr_addr", UInt.type(32)).set(wrAddr);
        b.<Bits>output("wr_data", Bits.type(w)).set(wrData);
    }
}
