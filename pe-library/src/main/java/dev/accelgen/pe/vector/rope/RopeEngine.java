package dev.accelgen.pe.vector.rope;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.vector.VecEngineRtl;
import dev.accelgen.pe.vector.arith.RopeArith;
import dev.accelgen.pe.vector.engine.EngineField;
import dev.accelgen.pe.vector.engine.EngineGen;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.engine.EngineIo;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * VROPE ({@link RopeArith}): per row the table row, then each head, one word per cycle into double-buffered local
 * rows, as they are and rotated by headDim / 2 ({@link RopeRotated}); once a head's last word arrived (x stage,
 * cycle X) its W output words are formed one per cycle from the head, its rotation, the table and the table's
 * rotation (two products per lane) and written in X + 4 + w, while the next head is read.
 */
public record RopeEngine() implements EngineGen<RopeConfig> {
    public static final Set<Opcode> OPS = EnumSet.of(Opcode.VROPE);
    /** Cycles from a head's last word at the x stage to its first output write. */
    public static final int WRITE_LATENCY = 4;

    @Override
    public String moduleName(RopeConfig c) {
        return "vec_rope_" + c.suffix();
    }

    @Override
    public Set<Opcode> opcodes(RopeConfig c) {
        return OPS;
    }

    @Override
    public List<EngineField> fields(RopeConfig c) {
        return EngineField.of(OPS, "rows", "len", "headDim", "a", "aStride", "t", "tStride", "d", "dStride");
    }

    @Override
    public EngineGeometry geometry(RopeConfig c) {
        return c.vec().geometry();
    }

    @Override
    public void build(ModuleBuilder b, RopeConfig c) {
        EngineIo io = EngineIo.declare(b, geometry(c), fields(c));
        int lanes = c.lanes();
        int rab = c.rowAddrBits();
        int aw = c.vec().abufAddrBits();
        int wb = c.wordBits();
        int lb = c.vec().laneBits();
        Bool started = b.regNext("started", io.go(), 0);
        RopeSeqRtl seq = new RopeSeqRtl(b, c, io);
        io.abRdEn().set(seq.evValid);
        io.abRdAddr().set(seq.evAddr);
        Bool xValid = b.regNext("x_valid", seq.evValid, 0);
        Bool xTable = b.regNext("x_table", seq.evTable, 0);
        UInt xW = b.regNext("x_w", seq.evW, 0);
        Bool xLast = b.regNext("x_last_word", seq.evLastWord, 0);
        Bool xTBank = b.regNext("x_t_bank", seq.evTBank, 0);
        Bool xHBank = b.regNext("x_h_bank", seq.evHBank, 0);
        UInt xDHead = b.regNext("x_d_head", seq.evDHead, 0);
        UInt h = b.named("half", seq.headDim.shr(1));
        RopeRotated.Half g = new RopeRotated.Half(h, h.shr(lb).resize(11), h.slice(lb - 1, 0), seq.headDim);

        List<SInt> word = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            word.add(io.abRdData().slice(32 * i + 31, 32 * i).asSInt());
        }
        Bool toTable = b.named("to_table", xValid.and(xTable));
        Bool toHead = b.named("to_head", xValid.and(xTable.not()));
        Mem<Bits> tOwn = b.mem("table_row", Bits.type(32 * lanes), 2 << rab, RamStyle.DISTRIBUTED);
        Mem<Bits> aOwn = b.mem("head_row", Bits.type(32 * lanes), 2 << rab, RamStyle.DISTRIBUTED);
        tOwn.write(toTable, address(xTBank, xW, rab), io.abRdData());
        aOwn.write(toHead, address(xHBank, xW, rab), io.abRdData());
        RopeRotated tRot = new RopeRotated(b, "table", c, toTable, xTBank, xW, word, g);
        RopeRotated aRot = new RopeRotated(b, "head", c, toHead, xHBank, xW, word, g);

        // output unit: a head's W words, one per cycle from the cycle after its last word arrived
        Bool active = b.reg("out_active", Bool.type(), 0);
        UInt ow = b.reg("out_w", UInt.type(wb), 0);
        Bool oTBank = b.reg("out_t_bank", Bool.type(), 0);
        Bool oHBank = b.reg("out_h_bank", Bool.type(), 0);
        UInt oBase = b.reg("out_base", UInt.type(aw), 0);
        b.when(toHead.and(xLast), () -> {
            active.set(Bool.TRUE);
            ow.set(UInt.lit(0, wb));
            oTBank.set(xTBank);
            oHBank.set(xHBank);
            oBase.set(xDHead);
        }).elseWhen(active, () -> b.when(ow.eq(seq.words.subWrap(1)), () -> active.set(Bool.FALSE))
                .otherwise(() -> ow.set(ow.addWrap(1))));
        Bits aWord = aOwn.readAsync(address(oHBank, ow, rab));
        Bits tWord = tOwn.readAsync(address(oTBank, ow, rab));
        List<SInt> ra = aRot.read(b, "head_r", oHBank, ow, g);
        List<SInt> rt = tRot.read(b, "table_r", oTBank, ow, g);
        Bool s1 = b.regNext("s1_valid", active, 0);
        UInt s1Addr = b.regNext("s1_addr", oBase.addWrap(ow.resize(aw)), 0);
        Bool s2 = b.regNext("s2_valid", s1, 0);
        UInt s2Addr = b.regNext("s2_addr", s1Addr, 0);
        Bool wrEn = b.regNext("wr_en", s2, 0);
        UInt wrAddr = b.regNext("wr_addr", s2Addr, 0);
        List<SInt> out = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            UInt p = ow.resize(13).shl(lb).resize(13).or(UInt.lit(i, 13));
            Bool lower1 = b.regNext("s1_lower_" + i, p.lt(h), 0);
            Bool in1 = b.regNext("s1_in_" + i, p.lt(seq.headDim), 0);
            SInt a1 = b.regNext("s1_a_" + i, aWord.slice(32 * i + 31, 32 * i).asSInt(), 0);
            SInt t1 = b.regNext("s1_t_" + i, tWord.slice(32 * i + 31, 32 * i).asSInt(), 0);
            SInt ra1 = b.regNext("s1_ra_" + i, ra.get(i), 0);
            SInt rt1 = b.regNext("s1_rt_" + i, rt.get(i), 0);
            SInt m1 = b.regNext("s2_m1_" + i, a1.mul(lower1.select(t1, rt1)), 0);
            SInt m2 = b.regNext("s2_m2_" + i, ra1.mul(lower1.select(rt1, t1)), 0);
            Bool lower2 = b.regNext("s2_lower_" + i, lower1, 0);
            Bool in2 = b.regNext("s2_in_" + i, in1, 0);
            SInt sum = lower2.select(m1.sub(m2), m1.add(m2));
            SInt d = sum.add(SInt.lit(1 << 15, 17)).shr(16).saturate(32);
            out.add(b.regNext("wr_" + i, in2.select(d, SInt.lit(0, 32)), 0));
        }
        io.abWrEn().set(wrEn);
        io.abWrAddr().set(wrAddr);
        io.abWrData().set(VecEngineRtl.word(out));
        io.noSbuf(c.vec().sbufAddrBits());
        Bool busy = b.named("busy_any", started.or(seq.active).or(seq.evValid).or(xValid).or(active).or(s1).or(s2)
                .or(wrEn));
        io.busy().set(busy);
        io.ready().set(busy.not());
    }

    private static UInt address(Bool bank, UInt w, int rab) {
        return bank.asUInt().shl(rab).or(w.resize(rab).resize(rab + 1));
    }
}
