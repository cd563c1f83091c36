package dev.accelgen.pe.vector.moe;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Mem;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.RamStyle;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.vector.RecipRtl;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.act.ExpPipe;
import dev.accelgen.pe.vector.arith.SoftmaxArith;
import dev.accelgen.pe.vector.engine.EngineIo;

/**
 * The top-k engine after each pick (cycle P) in RTL: the pick's expert and weight {@code exp(x - x_0)} (24
 * fraction bits, registered in P + 4) into a row-parity bank; after a row's last pick its weight sum, the
 * reciprocal by P + 9, then per pick two SBUF writes, token in P + 10 + 2i and gate in P + 11 + 2i, at the
 * expert's list position from a local count (0 until the expert is first picked; no writes when the list is
 * full). After the last row's writes, and at once for an instruction without rows, the E counts.
 */
final class TopKLists {
    /** A pick: its pass, row flags and bank, the expert and its logit. */
    record Pick(Bool valid, UInt pass, Bool lastPass, Bool lastRow, Bool bank, UInt expert, SInt value) {
    }

    final Bool busy;

    TopKLists(ModuleBuilder b, VecEngineConfig c, EngineIo io, TopKSeqRtl seq, Pick pk, UInt experts) {
        int sw = c.sbufAddrBits();
        int frac = SoftmaxArith.EXP_FRAC;
        UInt k = b.reg("k_q", UInt.type(4), 0);
        UInt capacity = b.reg("capacity_q", UInt.type(16), 0);
        UInt sbuf = b.reg("sbuf_q", UInt.type(sw), 0);
        UInt stride = b.reg("list_stride", UInt.type(17), 0);
        Bits touched = b.reg("touched", Bits.type(256), 0);
        Bool cActive = b.reg("count_active", Bool.type(), 0);
        UInt ce = b.reg("count_e", UInt.type(8), 0);
        UInt cAddr = b.reg("count_addr", UInt.type(sw), 0);

        // weights: exp(x_i - x_0), x_0 the row's first (largest) pick
        Mem<Bits> pickExp = b.mem("pick_expert", Bits.type(8), 32, RamStyle.DISTRIBUTED);
        Mem<Bits> pickE = b.mem("pick_weight", Bits.type(frac + 1), 32, RamStyle.DISTRIBUTED);
        pickExp.write(pk.valid(), pk.bank().asUInt().shl(4).or(pk.pass().resize(5)), pk.expert().asBits());
        SInt pickVal = b.reg("pick_value", SInt.type(32), 0);
        SInt max = b.reg("row_max", SInt.type(32), 0);
        b.when(pk.valid(), () -> pickVal.set(pk.value()));
        b.when(pk.valid().and(pk.pass().eq(0)), () -> max.set(pk.value()));
        Bool p1 = b.regNext("w_p1", pk.valid(), 0);
        UInt pass1 = b.regNext("w_pass1", pk.pass(), 0);
        Bool bank1 = b.regNext("w_bank1", pk.bank(), 0);
        UInt exp = ExpPipe.build(b, "exp", b.named("exp_x", pickVal.sub(max).saturate(32)), frac);
        Bool p2 = b.regNext("w_p2", p1, 0);
        Bool p3 = b.regNext("w_p3", p2, 0);
        Bool p4 = b.regNext("w_p4", p3, 0);
        UInt pass4 = b.regNext("w_pass4", b.regNext("w_pass3", b.regNext("w_pass2", pass1, 0), 0), 0);
        Bool bank4 = b.regNext("w_bank4", b.regNext("w_bank3", b.regNext("w_bank2", bank1, 0), 0), 0);
        UInt e = b.named("weight", exp.resize(frac + 1));
        pickE.write(p4, bank4.asUInt().shl(4).or(pass4.resize(5)), e.asBits());
        UInt sum = b.reg("weight_sum", UInt.type(32), 0);
        b.when(p4, () -> sum.set(pass4.eq(0).select(e.resize(32), sum.addWrap(e.resize(32)))));

        // after the row's last pick: the sum's reciprocal (enabled stages), the row's token and bank
        Bool[] lp = new Bool[9];
        lp[0] = b.named("lp0", pk.valid().and(pk.lastPass()));
        for (int i = 1; i < lp.length; i++) {
            lp[i] = b.regNext("lp" + i, lp[i - 1], 0);
        }
        // a row's write phase starts 8 cycles after its last pick, maybe after the next row's first pick: its
        // last-row flag travels with the chain, its token and bank are counted by the write phases themselves
        Bool[] lpLast = new Bool[9];
        lpLast[0] = pk.lastRow();
        for (int i = 1; i < lp.length; i++) {
            lpLast[i] = b.regNext("lp_last" + i, lpLast[i - 1], 0);
        }
        UInt e1 = RecipRtl.log2(b, "sum_log2", sum, 5);
        UInt u1 = b.reg("r1_u", UInt.type(32), 0);
        UInt ex1 = b.reg("r1_e", UInt.type(5), 0);
        b.when(lp[5], () -> {
            u1.set(sum.shlDyn(UInt.lit(31, 5).subWrap(e1)));
            ex1.set(e1);
        });
        UInt r0 = b.reg("r2_r0", UInt.type(16), 0);
        b.when(lp[6], () -> r0.set(RecipRtl.seed(b, "seed", u1)));
        UInt pn = b.reg("r3_p", UInt.type(18), 0);
        b.when(lp[7], () -> pn.set(RecipRtl.newtonP(u1, r0)));
        UInt r1 = b.reg("r4_r1", UInt.type(17), 0);
        b.when(lp[8], () -> r1.set(RecipRtl.newtonR1(r0, pn)));

        // write phase: per pick its token and gate, two cycles each
        Bool wActive = b.reg("w_active", Bool.type(), 0);
        UInt wi = b.reg("w_i", UInt.type(5), 0);
        UInt wToken = b.reg("w_token", UInt.type(32), 0);
        Bool wLast = b.reg("w_last_row", Bool.type(), 0);
        Bool wBank = b.named("w_bank", wToken.bit(0));
        UInt slot = b.named("w_slot", wBank.asUInt().shl(4).or(wi.shr(1).resize(5)));
        UInt expert = b.named("w_expert", pickExp.readAsync(slot).asUInt());
        UInt weight = b.named("w_weight", pickE.readAsync(slot).asUInt());
        Mem<Bits> counts = b.mem("counts", Bits.type(16), 256, RamStyle.DISTRIBUTED);
        UInt count = b.named("w_count", touched.shrDyn(expert).bit(0).select(counts.readAsync(expert).asUInt(),
                UInt.lit(0, 16)));
        Bool full = b.named("w_full", count.ge(capacity));
        UInt base = b.named("w_base", sbuf.addWrap(expert.mul(stride).resize(sw)));
        UInt tokAddr = b.named("w_token_addr", base.addWrap(count.shl(1).add(1).resize(sw)));
        UInt half = b.named("gate_half", UInt.lit(1, 43).shlDyn(ex1).shr(1).resize(43));
        UInt gate = b.named("gate", weight.mul(r1).resize(43).addWrap(half).shrDyn(ex1).resize(32));
        Bool gFull = b.reg("g_full", Bool.type(), 0);
        UInt gAddr = b.reg("g_addr", UInt.type(sw), 0);
        UInt gData = b.reg("g_data", UInt.type(32), 0);
        Bool first = b.named("w_first_half", wActive.and(wi.bit(0).not()));
        counts.write(first.and(full.not()), expert, count.addWrap(1).asBits());

        UInt finalCount = b.named("count_final", touched.shrDyn(ce).bit(0).select(counts.readAsync(ce).asUInt(),
                UInt.lit(0, 16)));
        Bool sbWrEn = b.reg("sb_wr_en_q", Bool.type(), 0);
        UInt sbWrAddr = b.reg("sb_wr_addr_q", UInt.type(sw), 0);
        Bits sbWrData = b.reg("sb_wr_data_q", Bits.type(32), 0);
        sbWrEn.set(Bool.FALSE);
        b.when(first, () -> {
            sbWrEn.set(full.not());
            sbWrAddr.set(tokAddr);
            sbWrData.set(wToken.asBits());
            gFull.set(full);
            gAddr.set(tokAddr.addWrap(1));
            gData.set(gate);
            b.when(full.not(), () -> touched.set(touched.or(Bits.lit(1, 256).shlDyn(expert))));
        }).elseWhen(wActive, () -> {
            sbWrEn.set(gFull.not());
            sbWrAddr.set(gAddr);
            sbWrData.set(gData.asBits());
        }).elseWhen(cActive, () -> {
            sbWrEn.set(Bool.TRUE);
            sbWrAddr.set(cAddr);
            sbWrData.set(finalCount.resize(32).asBits());
        });
        b.when(lp[8], () -> {
            wActive.set(Bool.TRUE);
            wi.set(UInt.lit(0, 5));
            wLast.set(lpLast[8]);
        }).elseWhen(wActive, () -> {
            wi.set(wi.addWrap(1));
            b.when(wi.eq(k.shl(1).subWrap(1).resize(5)), () -> {
                wActive.set(Bool.FALSE);
                wToken.set(wToken.addWrap(1));
                b.when(wLast, () -> {
                    cActive.set(Bool.TRUE);
                    ce.set(UInt.lit(0, 8));
                    cAddr.set(sbuf);
                });
            });
        });
        b.when(cActive, () -> {
            ce.set(ce.addWrap(1));
            cAddr.set(cAddr.addWrap(stride.resize(sw)));
            b.when(ce.eq(experts.subWrap(1)), () -> cActive.set(Bool.FALSE));
        });
        b.when(io.go(), () -> {
            UInt cap = io.field("capacity");
            UInt sb = io.<UInt>field("sbuf").resize(sw);
            k.set(io.<UInt>field("k"));
            capacity.set(cap);
            sbuf.set(sb);
            stride.set(cap.shl(1).add(1).resize(17));
            touched.set(Bits.lit(0, 256));
            wToken.set(UInt.lit(0, 32));
            cActive.set(io.<UInt>field("rows").eq(0));
            ce.set(UInt.lit(0, 8));
            cAddr.set(sb);
        });
        io.sbWrEn().set(sbWrEn);
        io.sbWrAddr().set(sbWrAddr);
        io.sbWrData().set(sbWrData);
        Bool lpAny = lp[1];
        for (int i = 2; i < lp.length; i++) {
            lpAny = lpAny.or(lp[i]);
        }
        busy = b.named("lists_busy", p1.or(p2).or(p3).or(p4).or(lpAny).or(wActive).or(cActive).or(sbWrEn));
    }
}
