package dev.accelgen.pe.vector.attn;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.vector.arith.AttnArith;
import dev.accelgen.pe.vector.engine.EngineField;
import dev.accelgen.pe.vector.engine.EngineGen;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.engine.EngineIo;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * VATTN ({@link AttnArith}): per query row the query words into a local row, the key words (scores: V lane
 * products, an adder tree and an exact accumulation over the head's words, into a score buffer of maxKeyTile
 * entries with the tile's max), {@value AttnSeq#GAP} gap cycles, the value words (each key's weight from one
 * shared exp pipeline, V products accumulated exactly into a local accumulator row) and the old accumulator
 * row times alpha; then a scalar unit forms l and its reciprocal and the row is written back while the next
 * row runs. One V-lane multiplier array serves scores and values. Reads reach the ABUF port
 * {@value #READ_DELAY} cycles after the sequencer's event, so that a key's weight is ready when its first value
 * word arrives.
 */
public record AttnEngine() implements EngineGen<AttnConfig> {
    public static final Set<Opcode> OPS = EnumSet.of(Opcode.VATTN);
    /** Cycles from a sequencer event to its ABUF read request. */
    public static final int READ_DELAY = 4;
    /** Cycles from a row's last slot at the x stage to its first ABUF write (and its SBUF write of m). */
    public static final int WRITE_LATENCY = 9;

    @Override
    public String moduleName(AttnConfig c) {
        return "vec_attn_" + c.suffix();
    }

    @Override
    public Set<Opcode> opcodes(AttnConfig c) {
        return OPS;
    }

    @Override
    public List<EngineField> fields(AttnConfig c) {
        return EngineField.of(OPS, "first", "last", "causal", "rows", "headDim", "keys", "q", "qStride", "k", "kStride",
                "v", "vStride", "o", "oStride", "sbuf", "diag");
    }

    @Override
    public EngineGeometry geometry(AttnConfig c) {
        return c.vec().geometry();
    }

    @Override
    public void build(ModuleBuilder b, AttnConfig c) {
        EngineIo io = EngineIo.declare(b, geometry(c), fields(c));
        int lanes = c.lanes();
        int rab = c.rowAddrBits();
        Bool started = b.regNext("started", io.go(), 0);
        Bool last = b.reg("last_q", Bool.type(), 0);
        Bool causal = b.reg("causal_q", Bool.type(), 0);
        b.when(io.go(), () -> {
            last.set(io.<UInt>field("last").bit(0));
            causal.set(io.<UInt>field("causal").bit(0));
        });
        AttnSeqRtl seq = new AttnSeqRtl(b, c, io);
        List<AttnTag> line = new ArrayList<>(List.of(seq.event));
        for (int d = 1; d <= READ_DELAY; d++) {
            line.add(line.get(d - 1).next(b, "d" + d));
        }
        AttnTag rd = line.get(READ_DELAY);
        AttnTag x = rd.next(b, "x");
        io.abRdEn().set(rd.slot().and(rd.read()));
        io.abRdAddr().set(rd.addr());

        // SBUF: m of the row read with its first query word, l the cycle after
        AttnTag pre = line.get(READ_DELAY - 1);
        Bool sbRdEn = b.regNext("sb_rd_en_q", seq.first.not().and(pre.slot().and(pre.rowStart())
                .or(rd.slot().and(rd.rowStart()))), 0);
        UInt sbRdAddr = b.regNext("sb_rd_addr_q", pre.rowStart().select(pre.sbRow(), rd.sbRow().addWrap(1)), 0);
        io.sbRdEn().set(sbRdEn);
        io.sbRdAddr().set(sbRdAddr);
        Bool rowStart = b.named("row_start", x.slot().and(x.rowStart()));
        Bool lNext = b.regNext("l_next", rowStart, 0);
        SInt mOld = b.reg("m_old", SInt.type(32), AttnArith.NO_MAX);
        UInt lOld = b.reg("l_old", UInt.type(32), 0);
        b.when(rowStart, () -> mOld.set(seq.first.select(SInt.lit(AttnArith.NO_MAX, 32), io.sbRdData().asSInt())));
        b.when(lNext, () -> lOld.set(seq.first.select(UInt.lit(0, 32), io.sbRdData().asUInt())));

        // the x stage: local query row; multiplier operands per phase
        Mem<Bits> qRow = b.mem("q_row", Bits.type(32 * lanes), 1 << rab, RamStyle.DISTRIBUTED);
        qRow.write(x.is(AttnTag.Q), x.w().resize(rab), io.abRdData());
        Bits qWord = qRow.readAsync(x.w().resize(rab));
        AttnScalars sc = new AttnScalars(b, c, seq, mOld, rowStart);
        Bool zeroO = b.named("zero_o", x.is(AttnTag.O).and(seq.first));
        List<SInt> prod = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            SInt a = b.named("mul_a_" + i, seq.row.laneValid(x.w(), i).and(zeroO.not())
                    .select(io.abRdData().slice(32 * i + 31, 32 * i).asSInt(), SInt.lit(0, 32)));
            SInt m = b.named("mul_b_" + i, x.is(AttnTag.K).select(qWord.slice(32 * i + 31, 32 * i).asSInt(),
                    x.is(AttnTag.O).select(sc.alpha.toSInt().resize(32), sc.p.toSInt().resize(32))));
            prod.add(b.regNext("prod_" + i, a.mul(m), 0));
        }
        AttnTag a = x.next(b, "a");
        sc.scores(b, c, causal, prod, a);

        // accumulator row: exact sums, each word's first term overwrites
        int accBits = c.accBits();
        Mem<Bits> acc = b.mem("acc_row", Bits.type(accBits * lanes), 1 << rab, RamStyle.DISTRIBUTED);
        Bits accWord = acc.readAsync(a.w().resize(rab));
        List<SInt> sums = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            SInt old = a.init().select(SInt.lit(0, accBits), accWord.slice(accBits * (i + 1) - 1, accBits * i).asSInt());
            sums.add(b.named("acc_sum_" + i, old.addWrap(prod.get(i).resize(accBits))));
        }
        acc.write(a.is(AttnTag.V).or(a.is(AttnTag.O)), a.w().resize(rab), Bits.cat(reversed(sums)));

        AttnWriteBack wb = new AttnWriteBack(b, c, seq, io, x, acc, sc, lOld, last);
        Bool lineBusy = x.slot();
        for (int d = 1; d <= READ_DELAY; d++) {
            lineBusy = lineBusy.or(line.get(d).slot());
        }
        Bool busy = b.named("busy_any", started.or(seq.active).or(seq.evAny).or(lineBusy).or(wb.busy));
        io.busy().set(busy);
        io.ready().set(busy.not());
    }

    /** Lanes in concatenation order (lane 0 last, in the low bits). */
    static SInt[] reversed(List<SInt> lanes) {
        SInt[] out = new SInt[lanes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = lanes.get(out.length - 1 - i);
        }
        return out;
    }
}
