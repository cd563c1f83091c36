package dev.accelgen.pe.accel.matrix.rtl;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Vec;
import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;
import dev.accelgen.pe.vector.engine.EngineIo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three instruction slots ({@code MmContext} in the model): the MM's fields, loaded from {@code i_<field>}
 * when the fetch stage takes an instruction, the row count rewritten when a gather count arrives; each stage
 * reads the fields of its own slot through a multiplexer.
 */
final class SlotRegs {
    static final int SLOTS = 3;
    private final Map<String, List<UInt>> fields = new LinkedHashMap<>();

    SlotRegs(ModuleBuilder b, MatrixEngineConfig c, EngineIo io, Bool load, UInt loadSlot, Bool rowsLoad, UInt rowsSlot,
             UInt rowsValue) {
        int aw = c.abufAddrBits();
        Map<String, UInt> in = new LinkedHashMap<>();
        UInt gather = io.field("gather");
        UInt rows = io.<UInt>field("rows").resize(16);
        in.put("rows", gather.eq(1).select(UInt.lit(0, 16), rows));
        in.put("k", io.field("k"));
        in.put("n", io.field("n"));
        in.put("act", io.<UInt>field("act").resize(aw));
        in.put("actStride", io.field("actStride"));
        in.put("out", io.<UInt>field("out").resize(aw));
        in.put("outStride", io.field("outStride"));
        in.put("cparam", io.<UInt>field("cparam").resize(aw));
        in.put("q", io.field("q"));
        in.put("qShift", io.field("qShift"));
        in.put("dShift", io.field("dShift"));
        in.put("sbuf", io.<UInt>field("sbuf").resize(c.sbufAddrBits()));
        in.put("wbank", io.field("wbank"));
        in.put("wAddr", io.<UInt>field("wAddr").resize(c.wbufAddrBits()));
        for (String f : List.of("bias", "accumulate", "rowScale", "gather", "overlap")) {
            in.put(f, io.field(f));
        }
        in.put("sparse", c.shape().sparseCapable() ? io.field("sparse") : UInt.lit(0, 1));
        for (var e : in.entrySet()) {
            List<UInt> regs = new ArrayList<>();
            for (int s = 0; s < SLOTS; s++) {
                UInt q = b.regNoReset("slot" + s + "_" + e.getKey(), UInt.type(e.getValue().width()));
                Bool mine = loadSlot.eq(s);
                b.when(load.and(mine), () -> q.set(e.getValue()));
                if (e.getKey().equals("rows")) {
                    b.when(rowsLoad.and(rowsSlot.eq(s)), () -> q.set(rowsValue));
                }
                regs.add(q);
            }
            fields.put(e.getKey(), regs);
        }
    }

    /** Field {@code name} of slot {@code slot}. */
    UInt get(String name, UInt slot) {
        return new Vec<>(fields.get(name)).read(slot);
    }

    Bool flag(String name, UInt slot) {
        return get(name, slot).eq(1);
    }

    /** The slot after {@code s} in rotation. */
    static UInt next(UInt s) {
        return s.eq(SLOTS - 1).select(UInt.lit(0, 2), s.addWrap(1));
    }
}
