package dev.accelgen.pe.vector.moe;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.arith.TopKArith;
import dev.accelgen.pe.vector.engine.EngineField;
import dev.accelgen.pe.vector.engine.EngineGen;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.engine.EngineIo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * VTOPK ({@link TopKArith}): per token row k passes over its logits, each picking the largest logit not picked
 * yet (a V-lane comparator tree, ties to the lower expert, then across words) two cycles after the pass's last
 * word; each pick's weight exp(x - x_max) from one exp pipeline; after the last pick the weights' sum and its
 * reciprocal, then two SBUF writes per pick (token, gate) into the expert's list ({@link TopKLists}), while the
 * next row's passes run. After the last row every expert's count is written.
 */
public record TopKEngine() implements EngineGen<VecEngineConfig> {
    public static final Set<Opcode> OPS = Set.of(Opcode.VTOPK);
    /** Cycles from a row's last word at the x stage to its write phase (pick, exp, sum, reciprocal). */
    public static final int WRITE_START = 11;

    @Override
    public String moduleName(VecEngineConfig c) {
        return "vec_topk_" + c.suffix();
    }

    @Override
    public Set<Opcode> opcodes(VecEngineConfig c) {
        return OPS;
    }

    @Override
    public List<EngineField> fields(VecEngineConfig c) {
        return EngineField.of(OPS, "rows", "experts", "k", "a", "aStride", "sbuf", "capacity");
    }

    @Override
    public EngineGeometry geometry(VecEngineConfig c) {
        return c.geometry();
    }

    /** The best candidate of a set: valid, logit, expert. */
    record Best(Bool valid, SInt value, UInt idx) {
        /** {@code other} if it is better (a larger logit; on a tie this one, the lower expert, stays). */
        Best or(ModuleBuilder b, String n, Best other) {
            Bool take = b.named(n + "_take", other.valid.and(valid.not().or(other.value.gt(value))));
            return new Best(b.named(n + "_valid", take.or(valid)), b.named(n + "_value", take.select(other.value, value)),
                    b.named(n + "_idx", take.select(other.idx, idx)));
        }
    }

    @Override
    public void build(ModuleBuilder b, VecEngineConfig c) {
        EngineIo io = EngineIo.declare(b, geometry(c), fields(c));
        int lanes = c.lanes();
        int lb = c.laneBits();
        Bool started = b.regNext("started", io.go(), 0);
        TopKSeqRtl seq = new TopKSeqRtl(b, c, io);
        io.abRdEn().set(seq.evValid);
        io.abRdAddr().set(seq.evAddr);
        UInt experts = b.reg("experts_q", UInt.type(8), 0);
        b.when(io.go(), () -> experts.set(io.<UInt>field("experts")));
        Bool xValid = b.regNext("x_valid", seq.evValid, 0);
        UInt xW = b.regNext("x_w", seq.evW, 0);
        UInt xPass = b.regNext("x_pass", seq.evPass, 0);
        Bool xLast = b.regNext("x_last_word", seq.evLastWord, 0);
        Bool xLastPass = b.regNext("x_last_pass", seq.evLastPass, 0);
        Bool xLastRow = b.regNext("x_last_row", seq.evLastRow, 0);
        Bool xBank = b.regNext("x_bank", seq.evBank, 0);

        // candidates of the word: experts below E not picked in an earlier pass of the row
        Bits picked = b.reg("picked", Bits.type(256), 0);
        UInt first = b.named("word_first", xW.resize(8).shl(lb).resize(8 + lb));
        Bits window = b.named("picked_window", picked.shrDyn(first).slice(lanes - 1, 0));
        List<Best> cands = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            UInt idx = b.named("cand_idx_" + i, first.or(UInt.lit(i, 8 + lb)));
            Bool ok = idx.lt(experts).and(xPass.eq(0).or(window.bit(i).not()));
            cands.add(new Best(b.named("cand_ok_" + i, ok), io.abRdData().slice(32 * i + 31, 32 * i).asSInt(), idx));
        }
        int level = 0;
        while (cands.size() > 1) {
            List<Best> next = new ArrayList<>();
            for (int i = 0; i < cands.size(); i += 2) {
                next.add(cands.get(i).or(b, "tree" + level + "_" + i / 2, cands.get(i + 1)));
            }
            cands = next;
            level++;
        }
        Best word = cands.get(0);
        Bool aValid = b.regNext("a_valid", xValid, 0);
        Bool aFirst = b.regNext("a_first", xW.eq(0), 0);
        Bool aLast = b.regNext("a_last_word", xLast, 0);
        Best a = new Best(b.regNext("a_best_valid", word.valid(), 0), b.regNext("a_best_value", word.value(), 0),
                b.regNext("a_best_idx", word.idx(), 0));
        Bool rValid = b.reg("run_valid", Bool.type(), 0);
        SInt rValue = b.reg("run_value", SInt.type(32), 0);
        UInt rIdx = b.reg("run_idx", UInt.type(8 + lb), 0);
        Best merged = new Best(rValid, rValue, rIdx).or(b, "merge", a);
        b.when(aValid, () -> {
            rValid.set(aFirst.select(a.valid(), merged.valid()));
            rValue.set(aFirst.select(a.value(), merged.value()));
            rIdx.set(aFirst.select(a.idx(), merged.idx()));
        });
        Bool pk = b.regNext("pick", aValid.and(aLast), 0);
        UInt pkPass = b.regNext("pick_pass", b.regNext("a_pass", xPass, 0), 0);
        Bool pkLastPass = b.regNext("pick_last_pass", b.regNext("a_last_pass", xLastPass, 0), 0);
        Bool pkLastRow = b.regNext("pick_last_row", b.regNext("a_last_row", xLastRow, 0), 0);
        Bool pkBank = b.regNext("pick_bank", b.regNext("a_bank", xBank, 0), 0);
        Bits onehot = b.named("pick_onehot", Bits.lit(1, 256).shlDyn(rIdx.resize(8)));
        b.when(pk, () -> picked.set(pkPass.eq(0).select(onehot, picked.or(onehot))));

        TopKLists lists = new TopKLists(b, c, io, seq, new TopKLists.Pick(pk, pkPass, pkLastPass, pkLastRow, pkBank,
                rIdx.resize(8), rValue), experts);
        io.abWrEn().set(Bool.FALSE);
        io.abWrAddr().set(UInt.lit(0, c.abufAddrBits()));
        io.abWrData().set(Bits.lit(0, 32 * lanes));
        io.sbRdEn().set(Bool.FALSE);
        io.sbRdAddr().set(UInt.lit(0, c.sbufAddrBits()));
        Bool busy = b.named("busy_any", started.or(seq.active).or(seq.evValid).or(xValid).or(aValid).or(pk)
                .or(lists.busy));
        io.busy().set(busy);
        io.ready().set(busy.not());
    }
}
