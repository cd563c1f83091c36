package dev.accelgen.pe.moe;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Val;
import dev.accelgen.hdl.Vec;
import dev.accelgen.pe.systolic.SystolicArray;
import java.util.ArrayList;
import java.util.List;

/**
 * The expert-switching engine. Stream {@code job} carries the reordered schedule, one beat per expert with
 * tokens: {@code job_expert} and {@code job_tiles} (tiles of up to {@code rows} tokens, >= 1). Stream
 * {@code act} carries each tile's activations, one beat per reduction step k (row r's activation on
 * {@code act_a_r}), dModel beats per tile. Read memory {@code m} serves expert weights.
 *
 * <p>Fetcher: idle with bank {@code wb} empty -> accepts a job (records its tiles), next cycle raises AR for
 * dModel beats at {@code expert * dModel * cols}, then writes R beats into bank wb; on r_last the bank is
 * full and wb flips. Compute: while bank {@code cb} is full, act beats go into the systolic array with row
 * k of the bank as the weights ({@code first}/{@code last} at k = 0 / dModel-1); after the last beat of the
 * job's last tile the bank is empty and cb flips. So expert e+1 streams in while expert e computes; compute
 * stalls (bubbles) only when the next bank is not yet full. Results leave on the array's column streams.
 */
public final class MoeEngine implements ModuleGen<MoeConfig> {
    private static final int IDLE = 0;
    private static final int AR = 1;
    private static final int DATA = 2;

    @Override
    public String moduleName(MoeConfig c) {
        return "moe_e" + c.experts() + "_k" + c.topK() + "_t" + c.tokens() + "_r" + c.rows() + "_c" + c.cols() + "_d"
                + c.dModel() + "_l" + c.memLatency() + "_b" + c.memBytesPerCycle();
    }

    @Override
    public void build(ModuleBuilder b, MoeConfig c) {
        int k = c.dModel();
        int wordBits = 8 * c.cols();
        Bool jobValid = b.input("job_valid", Bool.type());
        Bool jobReady = b.output("job_ready", Bool.type());
        Bits jobExpert = b.input("job_expert", Bits.type(c.expertBits()));
        Bits jobTiles = b.input("job_tiles", Bits.type(8));
        b.stream("job", true, jobValid, jobReady, jobExpert, jobTiles);
        Bool actValid = b.input("act_valid", Bool.type());
        Bool actReady = b.output("act_ready", Bool.type());
        Vec<Bits> act = b.inputVec("act_a", Bits.type(8), c.rows());
        List<Val> actData = new ArrayList<>();
        act.forEach(actData::add);
        b.stream("act", true, actValid, actReady, actData.toArray(new Val[0]));

        Bool arValid = b.output("m_ar_valid", Bool.type());
        Bool arReady = b.input("m_ar_ready", Bool.type());
        Bits arAddr = b.output("m_ar_addr", Bits.type(32));
        Bits arLen = b.output("m_ar_len", Bits.type(8));
        Bool rValid = b.input("m_r_valid", Bool.type());
        Bool rReady = b.output("m_r_ready", Bool.type());
        Bits rData = b.input("m_r_data", Bits.type(wordBits));
        Bool rLast = b.input("m_r_last", Bool.type());
        b.readMemory("m", arValid, arReady, arAddr, arLen, rValid, rReady, rData, rLast, c.cols());

        Bool full0 = b.reg("bank_full_0", Bool.type(), 0);
        Bool full1 = b.reg("bank_full_1", Bool.type(), 0);
        UInt tiles0 = b.reg("bank_tiles_0", UInt.type(8), 0);
        UInt tiles1 = b.reg("bank_tiles_1", UInt.type(8), 0);
        Bool wb = b.reg("fill_bank", Bool.type(), 0);
        Bool cb = b.reg("compute_bank", Bool.type(), 0);
        UInt state = b.reg("fetch_state", UInt.type(2), IDLE);
        UInt addr = b.reg("fetch_addr", UInt.type(32), 0);
        Mem<Bits> bank0 = b.mem("weights_0", Bits.type(wordBits), k, RamStyle.DISTRIBUTED);
        Mem<Bits> bank1 = b.mem("weights_1", Bits.type(wordBits), k, RamStyle.DISTRIBUTED);
        int kBits = bank0.addressWidth();
        UInt fetchRow = b.reg("fetch_row", UInt.type(kBits), 0);
        UInt step = b.reg("compute_step", UInt.type(kBits), 0);
        UInt tile = b.reg("compute_tile", UInt.type(8), 0);

        // fetcher
        Bool fillFull = b.named("fill_full", wb.select(full1, full0));
        Bool jobFire = b.named("job_fire", jobValid.and(state.eq(IDLE)).and(fillFull.not()));
        jobReady.set(state.eq(IDLE).and(fillFull.not()));
        arValid.set(state.eq(AR));
        arAddr.set(addr.asBits());
        arLen.set(Bits.lit(k - 1, 8));
        rReady.set(state.eq(DATA));
        Bool rFire = b.named("r_fire", state.eq(DATA).and(rValid));
        bank0.write(rFire.and(wb.not()), fetchRow, rData);
        bank1.write(rFire.and(wb), fetchRow, rData);
        UInt expertBase = b.named("expert_base", jobExpert.asUInt().zext(32).mulWrap(UInt.lit(c.expertBytes(), 32)));
        b.when(jobFire, () -> {
            state.set(UInt.lit(AR, 2));
            addr.set(expertBase);
            b.when(wb, () -> tiles1.set(jobTiles.asUInt())).otherwise(() -> tiles0.set(jobTiles.asUInt()));
        });
        b.when(state.eq(AR).and(arReady), () -> {
            state.set(UInt.lit(DATA, 2));
            fetchRow.set(UInt.lit(0, kBits));
        });
        b.when(rFire, () -> {
            fetchRow.set(fetchRow.addWrap(1));
            b.when(rLast, () -> {
                state.set(UInt.lit(IDLE, 2));
                wb.set(wb.not());
                b.when(wb, () -> full1.set(Bool.TRUE)).otherwise(() -> full0.set(Bool.TRUE));
            });
        });

        // compute
        Instance array = b.instance(new SystolicArray(), c.array(), "array");
        Bool computeFull = b.named("compute_full", cb.select(full1, full0));
        UInt tiles = b.named("compute_tiles", cb.select(tiles1, tiles0));
        Bits weights = b.named("compute_weights", cb.select(bank1.readAsync(step), bank0.readAsync(step)));
        Bool lastStep = b.named("last_step", step.eq(k - 1));
        Bool lastTile = b.named("last_tile", tile.eq(tiles.subWrap(1)));
        Bool arrayReady = array.port("in_ready");
        Bool fire = b.named("act_fire", computeFull.and(actValid).and(arrayReady));
        actReady.set(computeFull.and(arrayReady));
        array.<Bool>port("in_valid").set(computeFull.and(actValid));
        array.<Bool>port("in_first").set(step.eq(0));
        array.<Bool>port("in_last").set(lastStep);
        for (int r = 0; r < c.rows(); r++) {
            array.<Bits>port("a_" + r).set(act.get(r));
        }
        for (int col = 0; col < c.cols(); col++) {
            array.<Bits>port("b_" + col).set(weights.slice(8 * col + 7, 8 * col));
        }
        b.when(fire, () -> {
            step.set(lastStep.select(UInt.lit(0, kBits), step.addWrap(1)));
            b.when(lastStep, () -> {
                tile.set(lastTile.select(UInt.lit(0, 8), tile.addWrap(1)));
                b.when(lastTile, () -> {
                    cb.set(cb.not());
                    b.when(cb, () -> full1.set(Bool.FALSE)).otherwise(() -> full0.set(Bool.FALSE));
                });
            });
        });

        for (int col = 0; col < c.cols(); col++) {
            Bool v = b.output("out_valid_" + col, Bool.type());
            Bits o = b.output("out_" + col, Bits.type(32));
            v.set(array.port("out_valid_" + col));
            o.set(array.port("out_" + col));
            b.stream("out_" + col, false, v, null, o);
        }
    }
}
