package dev.accelgen.pe.vector.moe;

import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.VecEngineRtl;
import dev.accelgen.pe.vector.arith.ScatterArith;
import dev.accelgen.pe.vector.engine.EngineField;
import dev.accelgen.pe.vector.engine.EngineGen;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.engine.EngineIo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * VSCATTER ({@link ScatterArith}): the list's count, then per entry its a row and its token's d row read word by
 * word alternately (the next entry's token and gate fetched from SBUF meanwhile); a word's product gate * a at the
 * a word's x stage, the sum with the d word at the d word's, written back the cycle after.
 */
public record ScatterEngine() implements EngineGen<VecEngineConfig> {
    public static final Set<Opcode> OPS = Set.of(Opcode.VSCATTER);

    @Override
    public String moduleName(VecEngineConfig c) {
        return "vec_scatter_" + c.suffix();
    }

    @Override
    public Set<Opcode> opcodes(VecEngineConfig c) {
        return OPS;
    }

    @Override
    public List<EngineField> fields(VecEngineConfig c) {
        return EngineField.of(OPS, "len", "a", "aStride", "d", "dStride", "sbuf");
    }

    @Override
    public EngineGeometry geometry(VecEngineConfig c) {
        return c.geometry();
    }

    @Override
    public void build(ModuleBuilder b, VecEngineConfig c) {
        EngineIo io = EngineIo.declare(b, geometry(c), fields(c));
        int lanes = c.lanes();
        int aw = c.abufAddrBits();
        Bool started = b.regNext("started", io.go(), 0);
        UInt d = b.reg("d_q", UInt.type(aw), 0);
        UInt dStride = b.reg("d_stride_q", UInt.type(aw), 0);
        b.when(io.go(), () -> {
            d.set(io.<UInt>field("d").resize(aw));
            dStride.set(io.<UInt>field("dStride").resize(aw));
        });
        ScatterSeqRtl seq = new ScatterSeqRtl(b, c, io);
        io.abRdEn().set(seq.abEn);
        io.abRdAddr().set(seq.abAddr);
        io.sbRdEn().set(seq.sbEn);
        io.sbRdAddr().set(seq.sbAddr);

        // SBUF data: the count, the next entry's d row and the gates (by entry parity)
        Bool sbX = b.regNext("sb_x_valid", seq.sbEn, 0);
        UInt sbKind = b.regNext("sb_x_kind", seq.sbKind, 0);
        Bool sbParity = b.regNext("sb_x_parity", seq.sbParity, 0);
        UInt sbData = io.sbRdData().asUInt();
        SInt gate0 = b.reg("gate0", SInt.type(32), 0);
        SInt gate1 = b.reg("gate1", SInt.type(32), 0);
        b.when(sbX.and(sbKind.eq(ScatterSeqRtl.COUNT)), () -> seq.count.set(sbData.resize(16)));
        b.when(sbX.and(sbKind.eq(ScatterSeqRtl.TOKEN)), () -> seq.dNext.set(d.addWrap(sbData.resize(aw).mul(dStride)
                .resize(aw))));
        b.when(sbX.and(sbKind.eq(ScatterSeqRtl.GATE)), () -> b.when(sbParity, () -> gate1.set(sbData.asSInt()))
                .otherwise(() -> gate0.set(sbData.asSInt())));

        Bool abX = b.regNext("ab_x_valid", seq.abEn, 0);
        Bool xD = b.regNext("ab_x_d", seq.abD, 0);
        UInt xW = b.regNext("ab_x_w", seq.abW, 0);
        Bool xParity = b.regNext("ab_x_parity", seq.abParity, 0);
        UInt xAddr = b.regNext("ab_x_addr", seq.abAddr, 0);
        SInt gate = b.named("gate", xParity.select(gate1, gate0));
        Bool aWord = b.named("a_word", abX.and(xD.not()));
        Bool dWord = b.named("d_word", abX.and(xD));
        Bool wrEn = b.regNext("wr_en", dWord, 0);
        UInt wrAddr = b.regNext("wr_addr", xAddr, 0);
        List<SInt> out = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            SInt x = io.abRdData().slice(32 * i + 31, 32 * i).asSInt();
            SInt prod = b.reg("prod_" + i, SInt.type(64), 0);
            b.when(aWord, () -> prod.set(gate.mul(x)));
            SInt sum = x.add(prod.add(SInt.lit(1 << 15, 17)).shr(16)).saturate(32);
            out.add(b.regNext("wr_" + i, seq.row.laneValid(xW, i).select(sum, SInt.lit(0, 32)), 0));
        }
        io.abWrEn().set(wrEn);
        io.abWrAddr().set(wrAddr);
        io.abWrData().set(VecEngineRtl.word(out));
        io.sbWrEn().set(Bool.FALSE);
        io.sbWrAddr().set(UInt.lit(0, c.sbufAddrBits()));
        io.sbWrData().set(dev.accelgen.hdl.Bits.lit(0, 32));
        Bool busy = b.named("busy_any", started.or(seq.active).or(seq.abEn).or(seq.sbEn).or(sbX).or(abX).or(wrEn));
        io.busy().set(busy);
        io.ready().set(busy.not());
    }
}
