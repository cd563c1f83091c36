package dev.accelgen.pe.vector.mlgru;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.VecInstr.ActFn;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.VecEngineRtl;
import dev.accelgen.pe.vector.act.PwlPipe;
import dev.accelgen.pe.vector.arith.MlgruFxArith;
import dev.accelgen.pe.vector.engine.EngineField;
import dev.accelgen.pe.vector.engine.EngineGen;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.engine.EngineIo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * VMLGRU ({@link MlgruFxArith}): the state row is read into a local row, then per token row and word its f, c and
 * g words, one per cycle, through one table pipeline per lane ({@link PwlPipe} with sigmoid and SiLU); the g
 * word's cycle mixes the state (read-modify-write of the local row) and the next multiplies by sigmoid(g), so a
 * g word at the x stage in cycle X is written to d in X + 5. The state row is written back after the last row.
 */
public record MlgruEngine() implements EngineGen<VecEngineConfig> {
    public static final Set<Opcode> OPS = Set.of(Opcode.VMLGRU);
    /** Cycles from a g word at the x stage to its output write (the state write-back follows the last one). */
    public static final int WRITE_LATENCY = 5;
    private static final List<ActFn> FNS = List.of(ActFn.SIGMOID, ActFn.SILU);

    @Override
    public String moduleName(VecEngineConfig c) {
        return "vec_mlgru_" + c.suffix();
    }

    @Override
    public Set<Opcode> opcodes(VecEngineConfig c) {
        return OPS;
    }

    @Override
    public List<EngineField> fields(VecEngineConfig c) {
        return EngineField.of(OPS, "rows", "len", "a", "aStride", "h", "d", "dStride");
    }

    @Override
    public EngineGeometry geometry(VecEngineConfig c) {
        return c.geometry();
    }

    @Override
    public void build(ModuleBuilder b, VecEngineConfig c) {
        EngineIo io = EngineIo.declare(b, geometry(c), fields(c));
        int lanes = c.lanes();
        int lab = c.localAddrBits();
        int aw = c.abufAddrBits();
        int wb = c.wordBits();
        Bool started = b.regNext("started", io.go(), 0);
        MlgruSeqRtl seq = new MlgruSeqRtl(b, c, io);
        io.abRdEn().set(seq.evValid);
        io.abRdAddr().set(seq.evAddr);
        Bool xValid = b.regNext("x_valid", seq.evValid, 0);
        Bool xPro = b.regNext("x_pro", seq.evPro, 0);
        UInt xW = b.regNext("x_w", seq.evW, 0);
        UInt xSlot = b.regNext("x_slot", seq.evSlot, 0);
        Bool xLast = b.regNext("x_last", seq.evLastWord.and(seq.evLastRow), 0);
        UInt xDAddr = b.regNext("x_d_addr", seq.evDAddr, 0);
        Bool xRow = b.named("x_row", xValid.and(xPro.not()));
        // the table pipeline's three stages: the slot's tag travels along
        Bool t1 = b.regNext("t1_valid", xRow, 0);
        Bool t2 = b.regNext("t2_valid", t1, 0);
        Bool t3 = b.regNext("t3_valid", t2, 0);
        UInt s3 = b.regNext("t3_slot", b.regNext("t2_slot", b.regNext("t1_slot", xSlot, 0), 0), 0);
        UInt w3 = b.regNext("t3_w", b.regNext("t2_w", b.regNext("t1_w", xW, 0), 0), 0);
        Bool last3 = b.regNext("t3_last", b.regNext("t2_last", b.regNext("t1_last", xLast, 0), 0), 0);
        UInt d3 = b.regNext("t3_d_addr", b.regNext("t2_d_addr", b.regNext("t1_d_addr", xDAddr, 0), 0), 0);
        Bool mix = b.named("mix", t3.and(s3.eq(2)));
        Bool mValid = b.regNext("m_valid", mix, 0);
        UInt mAddr = b.regNext("m_addr", d3, 0);
        Bool mLast = b.regNext("m_last", mix.and(last3), 0);

        // state write-back after the last row
        Bool hwb = b.reg("hwb_active", Bool.type(), 0);
        UInt hw = b.reg("hwb_w", UInt.type(wb), 0);
        b.when(mLast, () -> {
            hwb.set(Bool.TRUE);
            hw.set(UInt.lit(0, wb));
        }).elseWhen(hwb, () -> b.when(hw.eq(seq.words.subWrap(1)), () -> hwb.set(Bool.FALSE))
                .otherwise(() -> hw.set(hw.addWrap(1))));

        Mem<Bits> state = b.mem("state_row", Bits.type(32 * lanes), 1 << lab, RamStyle.DISTRIBUTED);
        Bits old = state.readAsync(w3.resize(lab));
        Bits back = state.readAsync(hw.resize(lab));
        List<SInt> mixed = new ArrayList<>();
        List<SInt> out = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            String p = "l" + i;
            PwlPipe.Out act = PwlPipe.build(b, p, io.abRdData().slice(32 * i + 31, 32 * i).asSInt(), FNS,
                    xSlot.eq(1).asUInt());
            SInt f = b.reg(p + "_f", SInt.type(32), 0);
            SInt cc = b.reg(p + "_c", SInt.type(32), 0);
            b.when(t3.and(s3.eq(0)), () -> f.set(act.value()));
            b.when(t3.and(s3.eq(1)), () -> cc.set(act.value()));
            // h = sat32(c + roundShift(f * (h - c), 16))
            SInt diff = old.slice(32 * i + 31, 32 * i).asSInt().sub(cc);
            SInt h = b.named(p + "_h", cc.add(f.mul(diff).add(SInt.lit(1 << 15, 17)).shr(16)).saturate(32));
            mixed.add(h);
            SInt mh = b.regNext(p + "_mh", h, 0);
            SInt mg = b.regNext(p + "_mg", act.value(), 0);
            Bool mIn = b.regNext(p + "_m_in", seq.row.laneValid(w3, i), 0);
            SInt o = mg.mul(mh).add(SInt.lit(1 << 15, 17)).shr(16).saturate(32);
            SInt hOut = seq.row.laneValid(hw, i).select(back.slice(32 * i + 31, 32 * i).asSInt(), SInt.lit(0, 32));
            out.add(b.regNext(p + "_wr", hwb.select(hOut, mIn.select(o, SInt.lit(0, 32))), 0));
        }
        Bool proWrite = b.named("pro_write", xValid.and(xPro));
        state.write(proWrite.or(mix), proWrite.select(xW, w3).resize(lab),
                proWrite.select(io.abRdData(), VecEngineRtl.word(mixed)));
        Bool wrEn = b.regNext("wr_en", mValid.or(hwb), 0);
        UInt wrAddr = b.regNext("wr_addr", hwb.select(seq.hBase.addWrap(hw.resize(aw)), mAddr), 0);
        io.abWrEn().set(wrEn);
        io.abWrAddr().set(wrAddr);
        io.abWrData().set(VecEngineRtl.word(out));
        io.noSbuf(c.sbufAddrBits());
        Bool busy = b.named("busy_any", started.or(seq.active).or(seq.evValid).or(xValid).or(t1).or(t2).or(t3)
                .or(mValid).or(hwb).or(wrEn));
        io.busy().set(busy);
        io.ready().set(busy.not());
    }
}
