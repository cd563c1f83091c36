package dev.accelgen.pe.vector.engine;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Val;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract ports of a compute engine, seen from inside the engine ({@link #declare}) or from its parent
 * ({@link #of}). Inputs: {@code go}, {@code i_<field>}, the read data of ABUF, SBUF (and WBUF). Outputs, all
 * Moore (functions of the engine's registers only): {@code ready}, {@code busy}, the read requests and write
 * ports. {@code wb} members are null without a WBUF port.
 */
public record EngineIo(Bool go, Map<String, Val> fields, Bool ready, Bool busy,
                       Bool abRdEn, UInt abRdAddr, Bits abRdData, Bool abWrEn, UInt abWrAddr, Bits abWrData,
                       Bool sbRdEn, UInt sbRdAddr, Bits sbRdData, Bool sbWrEn, UInt sbWrAddr, Bits sbWrData,
                       Bool wbRdEn, UInt wbRdBank, UInt wbRdAddr, Bits wbRdData) {

    /** Declares the ports in the engine's module. */
    public static EngineIo declare(ModuleBuilder b, EngineGeometry g, List<EngineField> fields) {
        Map<String, Val> f = new LinkedHashMap<>();
        Bool go = b.input("go", Bool.type());
        for (EngineField e : fields) {
            f.put(e.name(), e.signed() ? b.input(e.port(), SInt.type(e.width())) : b.input(e.port(), UInt.type(e.width())));
        }
        return new EngineIo(go, f, b.output("ready", Bool.type()), b.output("busy", Bool.type()),
                b.output("ab_rd_en", Bool.type()), b.output("ab_rd_addr", UInt.type(g.abufAddrBits())),
                b.input("ab_rd_data", Bits.type(g.abufWordBits())),
                b.output("ab_wr_en", Bool.type()), b.output("ab_wr_addr", UInt.type(g.abufAddrBits())),
                b.output("ab_wr_data", Bits.type(g.abufWordBits())),
                b.output("sb_rd_en", Bool.type()), b.output("sb_rd_addr", UInt.type(g.sbufAddrBits())),
                b.input("sb_rd_data", Bits.type(32)),
                b.output("sb_wr_en", Bool.type()), b.output("sb_wr_addr", UInt.type(g.sbufAddrBits())),
                b.output("sb_wr_data", Bits.type(32)),
                g.hasWbuf() ? b.output("wb_rd_en", Bool.type()) : null,
                g.hasWbuf() ? b.output("wb_rd_bank", UInt.type(1)) : null,
                g.hasWbuf() ? b.output("wb_rd_addr", UInt.type(g.wbufAddrBits())) : null,
                g.hasWbuf() ? b.input("wb_rd_data", Bits.type(g.wbufWordBits())) : null);
    }

    /** The pins of an engine instance, for its parent. */
    public static EngineIo of(Instance inst, EngineGeometry g, List<EngineField> fields) {
        Map<String, Val> f = new LinkedHashMap<>();
        for (EngineField e : fields) {
            f.put(e.name(), inst.port(e.port()));
        }
        boolean w = g.hasWbuf();
        return new EngineIo(inst.port("go"), f, inst.port("ready"), inst.port("busy"),
                inst.port("ab_rd_en"), inst.port("ab_rd_addr"), inst.port("ab_rd_data"),
                inst.port("ab_wr_en"), inst.port("ab_wr_addr"), inst.port("ab_wr_data"),
                inst.port("sb_rd_en"), inst.port("sb_rd_addr"), inst.port("sb_rd_data"),
                inst.port("sb_wr_en"), inst.port("sb_wr_addr"), inst.port("sb_wr_data"),
                w ? inst.port("wb_rd_en") : null, w ? inst.port("wb_rd_bank") : null,
                w ? inst.port("wb_rd_addr") : null, w ? inst.port("wb_rd_data") : null);
    }

    public <T extends Val> T field(String name) {
        @SuppressWarnings("unchecked")
        T v = (T) fields.get(name);
        if (v == null) {
            throw new IllegalArgumentException("engine has no field " + name + " (has " + fields.keySet() + ")");
        }
        return v;
    }

    /** Drives the SBUF ports of an engine that never uses SBUF. */
    public void noSbuf(int sbufAddrBits) {
        sbRdEn.set(Bool.FALSE);
        sbRdAddr.set(UInt.lit(0, sbufAddrBits));
        sbWrEn.set(Bool.FALSE);
        sbWrAddr.set(UInt.lit(0, sbufAddrBits));
        sbWrData.set(Bits.lit(0, 32));
    }
}
