package dev.accelgen.pe.moe;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Val;
import dev.accelgen.hdl.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * The MoE layer: gating, computation reordering and the {@link MoeEngine}.
 *
 * <p>Stream {@code tok}: one beat per token with the task id ({@code tok_task}; task t of
 * {@link MoeConfig#tasks()} owns experts e with e mod tasks == t), router logits {@code tok_logit_e} (signed
 * INT8), activations {@code tok_x_k} and {@code tok_last} closing the batch. The router picks the top-k
 * active experts (ties to the lower id); each choice appends the token index to that expert's queue (one
 * queue write per cycle, so a top-2 token is accepted in the second of its two cycles) and the token goes into
 * the token buffer; stream {@code route} reports each token's experts and their logits (from which the
 * consumer forms the softmax gate weights) when the token is accepted.
 *
 * <p>After the last token: dispatch scans experts 0..E-1 (one cycle per empty queue) and hands each non-empty
 * queue to the engine as a job (expert, ceil(count/rows) tiles); the gather feeds the engine's activation
 * input from the token buffer through the queue, tile by tile (rows past the queue's end are 0). When every
 * dispatched job has been fed, counts clear and the next batch's tokens are accepted. Stream {@code tile}
 * names, when a tile starts, its expert, the tokens of its rows and which rows hold a token; the results leave
 * on the array's column streams {@code out_c} (row r of a tile 2r+c+1 cycles after its last activation beat).
 */
public final class MoeLayer implements ModuleGen<MoeConfig> {
    private static final int ROUTE = 0;
    private static final int DISPATCH = 1;
    private static final int DRAIN = 2;

    @Override
    public String moduleName(MoeConfig c) {
        return "moe_layer_e" + c.experts() + "_k" + c.topK() + "_t" + c.tokens() + "_r" + c.rows() + "_c" + c.cols()
                + "_d" + c.dModel() + "_l" + c.memLatency() + "_b" + c.memBytesPerCycle();
    }

    private static int bitsFor(int maxValue) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(maxValue));
    }

    @Override
    public void build(ModuleBuilder b, MoeConfig c) {
        int e = c.experts();
        int k = c.dModel();
        int t = c.tokens();
        int eb = c.expertBits();
        Bool tokValid = b.input("tok_valid", Bool.type());
        Bool tokReady = b.output("tok_ready", Bool.type());
        Bool tokTask = b.input("tok_task", Bool.type());
        Bool tokLast = b.input("tok_last", Bool.type());
        Vec<Bits> logits = b.inputVec("tok_logit", Bits.type(8), e);
        Vec<Bits> xs = b.inputVec("tok_x", Bits.type(8), k);
        List<Val> tokData = new ArrayList<>(List.of(tokTask, tokLast));
        logits.forEach(tokData::add);
        xs.forEach(tokData::add);
        b.stream("tok", true, tokValid, tokReady, tokData.toArray(new Val[0]));

        Instance engine = b.instance(new MoeEngine(), c, "engine");
        memoryPort(b, c, engine);

        UInt state = b.reg("layer_state", UInt.type(2), ROUTE);
        // a top-2 token takes two cycles: phase 0 queues its first expert, phase 1 its second and accepts it
        Bool phase = c.topK() == 2 ? b.reg("route_phase", Bool.type(), 0) : Bool.FALSE;
        UInt tokCount = b.reg("token_count", UInt.type(8), 0);
        List<UInt> counts = new ArrayList<>();
        for (int i = 0; i < e; i++) {
            counts.add(b.reg("queue_count_" + i, UInt.type(8), 0));
        }
        Vec<UInt> countVec = new Vec<>(counts);
        Mem<Bits> queue = b.mem("queue", Bits.type(8), e * t, RamStyle.AUTO);
        Mem<Bits> tokens = b.mem("token_buffer", Bits.type(8 * k), t, RamStyle.AUTO);

        // router: top-1 and top-2 among the task's experts
        Choice first = argmax(b, "top1", c, logits, tokTask, null);
        Choice second = c.topK() == 2 ? argmax(b, "top2", c, logits, tokTask, first.expert()) : first;
        UInt top1 = first.expert();
        UInt top2 = second.expert();
        UInt chosen = b.named("route_choice", c.topK() == 2 ? phase.select(top2, top1) : top1);
        Bool routing = b.named("routing", state.eq(ROUTE));
        Bool queueWrite = b.named("queue_write", tokValid.and(routing));
        Bool accept = c.topK() == 2 ? routing.and(phase) : routing;
        tokReady.set(accept);
        Bool tokFire = b.named("tok_fire", tokValid.and(accept));
        UInt count = b.named("chosen_count", countVec.read(chosen));
        queue.write(queueWrite, queueAddress(c, chosen, count, queue.addressWidth()), tokCount.asBits());
        tokens.write(tokFire, tokCount.resize(tokens.addressWidth()), Bits.cat(reversed(xs)));
        for (int i = 0; i < e; i++) {
            UInt ci = counts.get(i);
            b.when(queueWrite.and(chosen.eq(i)), () -> ci.set(ci.addWrap(1)));
        }
        if (c.topK() == 2) {
            b.when(queueWrite, () -> phase.set(phase.not()));
        }
        UInt scan = b.reg("dispatch_expert", UInt.type(eb), 0);
        b.when(tokFire, () -> {
            tokCount.set(tokCount.addWrap(1));
            b.when(tokLast, () -> {
                state.set(UInt.lit(DISPATCH, 2));
                scan.set(UInt.lit(0, eb));
            });
        });
        Bool routeValid = b.output("route_valid", Bool.type());
        routeValid.set(tokFire);
        List<Val> routeData = new ArrayList<>();
        Bits routeToken = b.output("route_token", Bits.type(8));
        routeToken.set(tokCount.asBits());
        routeData.add(routeToken);
        for (int i = 0; i < c.topK(); i++) {
            Choice ch = i == 0 ? first : second;
            Bits re = b.output("route_expert_" + i, Bits.type(eb));
            re.set(ch.expert().asBits());
            routeData.add(re);
            Bits rl = b.output("route_logit_" + i, Bits.type(8));
            rl.set(ch.logit().asBits());
            routeData.add(rl);
        }
        b.stream("route", false, routeValid, null, routeData.toArray(new Val[0]));
        Bool tileValid = b.output("tile_valid", Bool.type());
        Bits tileExpert = b.output("tile_expert", Bits.type(eb));
        Bits tileMask = b.output("tile_mask", Bits.type(c.rows()));
        Vec<Bits> tileTokens = b.outputVec("tile_token", Bits.type(8), c.rows());
        List<Val> tileData = new ArrayList<>(List.of(tileExpert, tileMask));
        tileTokens.forEach(tileData::add);
        b.stream("tile", false, tileValid, null, tileData.toArray(new Val[0]));

        // dispatch: one job per non-empty queue, bank-parity slots remember what the gather must feed
        Bool dispatching = b.named("dispatching", state.eq(DISPATCH));
        UInt scanCount = b.named("scan_count", countVec.read(scan));
        Bool lastExpert = b.named("scan_last", scan.eq(e - 1));
        Bool jobValid = b.named("job_valid", dispatching.and(scanCount.ne(0)));
        engine.<Bool>port("job_valid").set(jobValid);
        engine.<Bits>port("job_expert").set(scan.asBits());
        engine.<Bits>port("job_tiles").set(tilesOf(c, scanCount).asBits());
        Bool jobFire = b.named("job_fire", jobValid.and(engine.port("job_ready")));
        Bool dispatchBank = b.reg("dispatch_bank", Bool.type(), 0);
        Bool gatherBank = b.reg("gather_bank", Bool.type(), 0);
        Bool[] gValid = {b.reg("gather_valid_0", Bool.type(), 0), b.reg("gather_valid_1", Bool.type(), 0)};
        UInt[] gExpert = {b.reg("gather_expert_0", UInt.type(eb), 0), b.reg("gather_expert_1", UInt.type(eb), 0)};
        UInt[] gCount = {b.reg("gather_count_0", UInt.type(8), 0), b.reg("gather_count_1", UInt.type(8), 0)};
        b.when(dispatching.and(scanCount.eq(0).or(jobFire)), () -> {
            b.when(lastExpert, () -> state.set(UInt.lit(DRAIN, 2))).otherwise(() -> scan.set(scan.addWrap(1)));
        });
        b.when(jobFire, () -> {
            dispatchBank.set(dispatchBank.not());
            for (int s = 0; s < 2; s++) {
                int slot = s;
                b.when(dispatchBank.eq(Bool.lit(slot == 1)), () -> {
                    gValid[slot].set(Bool.TRUE);
                    gExpert[slot].set(scan);
                    gCount[slot].set(scanCount);
                });
            }
        });

        // gather: the engine's activation beats from the token buffer through the queue
        UInt ge = b.named("gather_expert", gatherBank.select(gExpert[1], gExpert[0]));
        UInt gc = b.named("gather_count", gatherBank.select(gCount[1], gCount[0]));
        Bool gv = b.named("gather_pending", gatherBank.select(gValid[1], gValid[0]));
        UInt tile = b.reg("gather_tile", UInt.type(8), 0);
        int stepBits = bitsFor(k - 1);
        UInt step = b.reg("gather_step", UInt.type(stepBits), 0);
        engine.<Bool>port("act_valid").set(gv);
        Bool actFire = b.named("act_fire", gv.and(engine.port("act_ready")));
        tileValid.set(actFire.and(step.eq(0)));
        tileExpert.set(ge.asBits());
        List<Bool> inRanges = new ArrayList<>();
        for (int r = 0; r < c.rows(); r++) {
            UInt pos = b.named("gather_pos_" + r, tile.zext(8 + c.rowShift()).shl(c.rowShift()).trunc(8 + c.rowShift())
                    .or(UInt.lit(r, 8 + c.rowShift())));
            Bool inRange = b.named("gather_in_range_" + r, pos.lt(gc.zext(8 + c.rowShift())));
            Bits token = b.named("gather_token_" + r, queue.readAsync(queueAddress(c, ge, pos, queue.addressWidth())));
            Bits word = b.named("gather_word_" + r, tokens.readAsync(token.asUInt().resize(tokens.addressWidth())));
            List<Bits> bytes = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                bytes.add(word.slice(8 * i + 7, 8 * i));
            }
            Bits a = new Vec<>(bytes).read(step);
            engine.<Bits>port("act_a_" + r).set(inRange.select(a, Bits.lit(0, 8)));
            tileTokens.get(r).set(inRange.select(token, Bits.lit(0, 8)));
            inRanges.add(inRange);
        }
        java.util.Collections.reverse(inRanges);
        tileMask.set(Bits.cat(inRanges.toArray(new Val[0])));
        Bool lastStep = b.named("gather_last_step", step.eq(k - 1));
        Bool lastTile = b.named("gather_last_tile", tile.eq(tilesOf(c, gc).subWrap(1)));
        b.when(actFire, () -> {
            step.set(lastStep.select(UInt.lit(0, stepBits), step.addWrap(1)));
            b.when(lastStep, () -> {
                tile.set(lastTile.select(UInt.lit(0, 8), tile.addWrap(1)));
                b.when(lastTile, () -> {
                    gatherBank.set(gatherBank.not());
                    b.when(gatherBank, () -> gValid[1].set(Bool.FALSE)).otherwise(() -> gValid[0].set(Bool.FALSE));
                });
            });
        });

        // drain: once every job was fed, clear the queues for the next batch
        b.when(state.eq(DRAIN).and(gValid[0].not()).and(gValid[1].not()), () -> {
            state.set(UInt.lit(ROUTE, 2));
            tokCount.set(UInt.lit(0, 8));
            counts.forEach(ci -> ci.set(UInt.lit(0, 8)));
        });

        for (int col = 0; col < c.cols(); col++) {
            Bool v = b.output("out_valid_" + col, Bool.type());
            Bits o = b.output("out_" + col, Bits.type(32));
            v.set(engine.port("out_valid_" + col));
            o.set(engine.port("out_" + col));
            b.stream("out_" + col, false, v, null, o);
        }
    }

    /** ceil(count / rows) in 8 bits. */
    private static UInt tilesOf(MoeConfig c, UInt count) {
        return count.zext(9).addWrap(UInt.lit(c.rows() - 1, 9)).shr(c.rowShift()).resize(8);
    }

    /** expert * tokens + index, at the queue memory's address width. */
    private static UInt queueAddress(MoeConfig c, UInt expert, UInt index, int width) {
        int w = Math.max(width, Math.max(expert.width(), index.width())) + 1;
        UInt base = expert.zext(w).mulWrap(UInt.lit(c.tokens(), w));
        return base.addWrap(index.zext(w)).resize(width);
    }

    /** A router decision: expert id and its logit. */
    private record Choice(UInt expert, SInt logit) { }

    /** The largest signed logit among active experts (ties to the lower id), skipping {@code exclude}. */
    private static Choice argmax(ModuleBuilder b, String name, MoeConfig c, Vec<Bits> logits, Bool task, UInt exclude) {
        int eb = c.expertBits();
        UInt bestIdx = UInt.lit(0, eb);
        SInt bestVal = SInt.lit(0, 8);
        Bool found = Bool.FALSE;
        for (int i = 0; i < c.experts(); i++) {
            Bool active = c.tasks() == 1 ? Bool.TRUE : (i % 2 == 0 ? task.not() : task);
            if (exclude != null) {
                active = active.and(exclude.ne(i));
            }
            SInt v = logits.get(i).asSInt();
            Bool take = b.named(name + "_take_" + i, active.and(found.not().or(v.gt(bestVal))));
            bestIdx = b.named(name + "_idx_" + i, take.select(UInt.lit(i, eb), bestIdx));
            bestVal = b.named(name + "_val_" + i, take.select(v, bestVal));
            found = b.named(name + "_found_" + i, found.or(active));
        }
        return new Choice(bestIdx, bestVal);
    }

    private static Val[] reversed(Vec<Bits> v) {
        Val[] out = new Val[v.size()];
        for (int i = 0; i < v.size(); i++) {
            out[i] = v.get(v.size() - 1 - i);
        }
        return out;
    }

    private static void memoryPort(ModuleBuilder b, MoeConfig c, Instance engine) {
        Bool arValid = b.output("m_ar_valid", Bool.type());
        Bool arReady = b.input("m_ar_ready", Bool.type());
        Bits arAddr = b.output("m_ar_addr", Bits.type(32));
        Bits arLen = b.output("m_ar_len", Bits.type(8));
        Bool rValid = b.input("m_r_valid", Bool.type());
        Bool rReady = b.output("m_r_ready", Bool.type());
        Bits rData = b.input("m_r_data", Bits.type(8 * c.cols()));
        Bool rLast = b.input("m_r_last", Bool.type());
        b.readMemory("m", arValid, arReady, arAddr, arLen, rValid, rReady, rData, rLast, c.cols());
        arValid.set(engine.port("m_ar_valid"));
        arAddr.set(engine.port("m_ar_addr"));
        arLen.set(engine.port("m_ar_len"));
        rReady.set(engine.port("m_r_ready"));
        engine.<Bool>port("m_ar_ready").set(arReady);
        engine.<Bool>port("m_r_valid").set(rValid);
        engine.<Bits>port("m_r_data").set(rData);
        engine.<Bool>port("m_r_last").set(rLast);
    }
}
