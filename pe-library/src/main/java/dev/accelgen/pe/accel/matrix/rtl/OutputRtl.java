package dev.accelgen.pe.accel.matrix.rtl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Vec;
import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;
import dev.accelgen.pe.accel.matrix.UnitShape;
import dev.accelgen.pe.vector.engine.EngineIo;
import java.util.ArrayList;
import java.util.List;

/**
 * The output stage ({@code OutputStage} in the model): F1 places a fragment (slot, row, column block) and claims
 * SBUF for the row's M with {@code rowScale}; F2 has the column parameters; P registers {@code acc * M} and the
 * bias; then the dequantized outputs go into the row's staging word, a finished word to W1 (claiming ABUF for
 * the old word with {@code accumulate}), W2 adds it and registers the ABUF write; an instruction's last fragment
 * frees its slot at W2.
 */
final class OutputRtl {
    /** Requests for the next cycle that take the buffer ports first. */
    final Bool sbClaim;
    final UInt sbClaimAddr;
    final Bool abClaim;
    final UInt abClaimAddr;

    OutputRtl(ModuleBuilder b, MatrixEngineConfig c, EngineIo io, SlotRegs slots, ParamBuffer params, Flags flags,
              UnitAttach.Fragment frag) {
        UnitShape sh = c.shape();
        int lanes = c.lanes();
        int lw = Integer.numberOfTrailingZeros(lanes);
        int cols = sh.colsPerBlock();
        int cw = Integer.numberOfTrailingZeros(cols);
        int rp = sh.rowsPerPass();
        int aw = c.abufAddrBits();
        int cnt = 17;
        int accW = frag.values().get(0).width();

        UInt slot = b.reg("out_slot", UInt.type(2), 0);
        UInt rowPos = b.reg("out_row_pos", UInt.type(cnt), 0);
        UInt colPos = b.reg("out_col_pos", UInt.type(cnt), 0);
        UInt r = b.reg("out_r", UInt.type(8), 0);
        Bool mValid = b.reg("m_valid", Bool.type(), 0);
        UInt mRow = b.regNoReset("m_row", UInt.type(16));
        UInt mSlot = b.regNoReset("m_slot", UInt.type(2));
        SInt mReg = b.regNoReset("m_reg", SInt.type(32));

        // F1: place the fragment
        UInt rows = slots.get("rows", slot).resize(cnt);
        UInt m = b.named("out_m", rowPos.addWrap(r.resize(cnt)));
        Bool rowValid = b.named("out_row_valid", m.lt(rows));
        Bool lastBlock = b.named("out_last_block", colPos.addWrap(cols).ge(slots.get("n", slot).resize(cnt)));
        Bool lastPass = rowPos.addWrap(rp).ge(rows);
        Bool lastRow = rp == 1 ? Bool.TRUE : r.eq(rp - 1);
        Bool lastOfMm = b.named("out_last_of_mm", lastRow.and(lastBlock).and(lastPass));
        UInt word = colPos.shr(lw).resize(cnt - lw);
        UInt off = lw == 0 ? UInt.lit(0, 1) : colPos.slice(lw - 1, 0);
        Bool wordEnd = lw == 0 ? Bool.TRUE : colPos.addWrap(cols).slice(lw - 1, 0).eq(0).or(lastBlock);
        UInt m16 = m.resize(16);
        Bool cached = mValid.and(mSlot.eq(slot)).and(mRow.eq(m16));
        Bool readM = b.named("out_read_m", slots.flag("rowScale", slot).and(rowValid).and(cached.not()));
        Bool fv = frag.valid();
        sbClaim = b.named("out_sb_claim", fv.and(readM));
        sbClaimAddr = b.named("out_sb_addr", slots.get("sbuf", slot).addWrap(m16.shl(1).resize(c.sbufAddrBits()))
                .addWrap(1));
        b.when(sbClaim, () -> {
            mValid.set(Bool.TRUE);
            mRow.set(m16);
            mSlot.set(slot);
        });
        b.when(fv.and(lastOfMm), () -> mValid.set(Bool.FALSE));
        UInt addr = b.named("out_addr", slots.get("out", slot).addWrap(m16.resize(aw).mul(slots.get("outStride", slot))
                .resize(aw)).addWrap(word.resize(aw)));
        b.when(fv, () -> {
            b.when(lastRow, () -> {
                if (rp > 1) {
                    r.set(UInt.lit(0, 8));
                }
                b.when(lastBlock.not(), () -> colPos.set(colPos.addWrap(cols))).otherwise(() -> {
                    colPos.set(UInt.lit(0, cnt));
                    b.when(lastPass.not(), () -> rowPos.set(rowPos.addWrap(rp))).otherwise(() -> {
                        rowPos.set(UInt.lit(0, cnt));
                        slot.set(SlotRegs.next(slot));
                    });
                });
            }).otherwise(() -> r.set(r.addWrap(1)));
        });
        Bool f1Valid = b.regNext("f1_valid", fv, 0);
        UInt f1Slot = RtlOps.hold(b, "f1_slot", fv, slot);
        UInt f1R = RtlOps.hold(b, "f1_r", fv, r);
        Bool f1RowValid = RtlOps.hold(b, "f1_row_valid", fv, rowValid);
        UInt f1Word = RtlOps.hold(b, "f1_word", fv, word);
        UInt f1Off = RtlOps.hold(b, "f1_off", fv, off);
        Bool f1WordEnd = RtlOps.hold(b, "f1_word_end", fv, wordEnd);
        Bool f1Last = RtlOps.hold(b, "f1_last", fv, lastOfMm);
        Bool f1ReadM = RtlOps.hold(b, "f1_read_m", fv, readM);
        UInt f1Addr = RtlOps.hold(b, "f1_addr", fv, addr);
        List<SInt> f1Acc = new ArrayList<>();
        for (int i = 0; i < cols; i++) {
            f1Acc.add(RtlOps.hold(b, "f1_acc_" + i, fv, frag.values().get(i)));
        }
        Bits[] prm = params.read(f1Valid, f1Slot, f1Word);

        // F2: the parameters arrive
        Bool f2Valid = b.regNext("f2_valid", f1Valid, 0);
        UInt f2Slot = b.regNext("f2_slot", f1Slot, 0);
        UInt f2R = b.regNext("f2_r", f1R, 0);
        Bool f2RowValid = b.regNext("f2_row_valid", f1RowValid, 0);
        UInt f2Word = b.regNext("f2_word", f1Word, 0);
        UInt f2Off = b.regNext("f2_off", f1Off, 0);
        Bool f2WordEnd = b.regNext("f2_word_end", f1WordEnd, 0);
        Bool f2Last = b.regNext("f2_last", f1Last, 0);
        Bool f2ReadM = b.regNext("f2_read_m", f1ReadM, 0);
        UInt f2Addr = b.regNext("f2_addr", f1Addr, 0);
        List<SInt> f2Acc = new ArrayList<>();
        for (int i = 0; i < cols; i++) {
            SInt q = b.regNoReset("f2_acc_" + i, SInt.type(accW));
            q.set(f1Acc.get(i));
            f2Acc.add(q);
        }
        SInt sbM = io.sbRdData().asSInt();
        SInt rowM = b.named("row_m", f2ReadM.select(sbM, mReg));
        b.when(f2Valid.and(f2ReadM), () -> mReg.set(sbM));
        Bool rowScale2 = slots.flag("rowScale", f2Slot);
        Bool bias2 = slots.flag("bias", f2Slot);
        UInt group = cw >= lw ? UInt.lit(0, 1) : f2Off.shr(cw).resize(lw - cw);

        // P: products and biases
        Bool pValid = b.regNext("p_valid", f2Valid, 0);
        UInt pSlot = b.regNext("p_slot", f2Slot, 0);
        UInt pR = b.regNext("p_r", f2R, 0);
        Bool pRowValid = b.regNext("p_row_valid", f2RowValid, 0);
        UInt pWord = b.regNext("p_word", f2Word, 0);
        UInt pOff = b.regNext("p_off", f2Off, 0);
        Bool pWordEnd = b.regNext("p_word_end", f2WordEnd, 0);
        Bool pLast = b.regNext("p_last", f2Last, 0);
        UInt pAddr = b.regNext("p_addr", f2Addr, 0);
        List<SInt> y = new ArrayList<>();
        UInt dShift = slots.get("dShift", pSlot);
        for (int i = 0; i < cols; i++) {
            SInt colM = lanePick(prm[0], group, cols, i);
            SInt mult = b.named("mult_" + i, rowScale2.select(rowM, colM));
            SInt biasIn = bias2.select(lanePick(prm[1], group, cols, i), SInt.lit(0, 32));
            SInt prod = b.regNoReset("p_prod_" + i, SInt.type(accW + 32));
            prod.set(f2Acc.get(i).mul(mult));
            SInt biasQ = b.regNoReset("p_bias_" + i, SInt.type(32));
            biasQ.set(biasIn);
            SInt scaled = RtlOps.sat32(RtlOps.roundShift(b, "p_round_" + i, prod, dShift));
            y.add(b.named("y_" + i, RtlOps.sat32(scaled.add(biasQ))));
        }

        // staging words per row; a finished word moves to W1
        List<List<SInt>> staging = new ArrayList<>();
        for (int row = 0; row < rp; row++) {
            List<SInt> lanesR = new ArrayList<>();
            for (int l = 0; l < lanes; l++) {
                lanesR.add(b.regNoReset("staging_r" + row + "_" + l, SInt.type(32)));
            }
            staging.add(lanesR);
        }
        List<SInt> merged = new ArrayList<>();
        for (int l = 0; l < lanes; l++) {
            List<SInt> byRow = new ArrayList<>();
            for (int row = 0; row < rp; row++) {
                byRow.add(staging.get(row).get(l));
            }
            SInt old = new Vec<>(byRow).read(pR);
            Bool mine = lanes == cols ? Bool.TRUE : pOff.shr(cw).resize(lw - cw).eq(l / cols);
            SInt value = b.named("merged_" + l, mine.select(y.get(l % cols), old));
            merged.add(value);
            for (int row = 0; row < rp; row++) {
                SInt s = staging.get(row).get(l);
                Bool rowSel = rp == 1 ? Bool.TRUE : pR.eq(row);
                SInt yl = y.get(l % cols);
                b.when(pValid.and(pRowValid).and(rowSel).and(mine), () -> s.set(yl));
            }
        }
        Bool finished = b.named("word_finished", pValid.and(pWordEnd));
        Bool w1Write = b.regNext("w1_write", finished.and(pRowValid), 0);
        Bool w1Free = b.regNext("w1_free", finished.and(pLast), 0);
        UInt w1Slot = RtlOps.hold(b, "w1_slot", finished, pSlot);
        Bool accumulate = b.named("p_accumulate", slots.flag("accumulate", pSlot).and(pRowValid));
        Bool w1Acc = RtlOps.hold(b, "w1_acc", finished, accumulate);
        UInt w1Addr = RtlOps.hold(b, "w1_addr", finished, pAddr);
        UInt w1Word = RtlOps.hold(b, "w1_word", finished, pWord);
        List<SInt> w1Data = new ArrayList<>();
        for (int l = 0; l < lanes; l++) {
            w1Data.add(RtlOps.hold(b, "w1_data_" + l, finished, merged.get(l)));
        }
        abClaim = b.named("out_ab_claim", finished.and(accumulate));
        abClaimAddr = pAddr;

        // W2: add the old word, zero the lanes past n, register the write; free the slot
        Bool w2Write = b.regNext("w2_write", w1Write, 0);
        Bool w2Free = b.regNext("w2_free", w1Free, 0);
        UInt w2Slot = b.regNext("w2_slot", w1Slot, 0);
        Bool w2Acc = b.regNext("w2_acc", w1Acc, 0);
        UInt w2Addr = b.regNext("w2_addr", w1Addr, 0);
        UInt w2Word = b.regNext("w2_word", w1Word, 0);
        UInt n = slots.get("n", w2Slot).resize(cnt);
        UInt base = w2Word.resize(cnt).shl(lw).resize(cnt);
        UInt left = b.named("w2_left", n.subWrap(base));
        List<SInt> outLanes = new ArrayList<>();
        for (int l = 0; l < lanes; l++) {
            SInt d = b.regNoReset("w2_data_" + l, SInt.type(32));
            d.set(w1Data.get(l));
            SInt sum = RtlOps.sat32(d.add(RtlOps.lane(io.abRdData(), l, 32).asSInt()));
            Bool inside = n.gt(base).and(left.gt(UInt.lit(l, cnt)));
            outLanes.add(inside.select(w2Acc.select(sum, d), SInt.lit(0, 32)));
        }
        Bool wrEn = b.regNext("ab_wr_en_q", w2Write, 0);
        UInt wrAddr = RtlOps.hold(b, "ab_wr_addr_q", w2Write, w2Addr);
        Bits wrData = RtlOps.hold(b, "ab_wr_data_q", w2Write, RtlOps.word(outLanes));
        io.abWrEn().set(wrEn);
        io.abWrAddr().set(wrAddr);
        io.abWrData().set(wrData);
        Flags.set(b, flags.inUse, w2Slot, w2Free, Bool.FALSE);
    }

    /** Lane {@code g * cols + i} of a V-lane parameter word, g the column block's position in the word. */
    private static SInt lanePick(Bits word, UInt group, int cols, int i) {
        int groups = word.width() / 32 / cols;
        List<SInt> candidates = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            candidates.add(RtlOps.lane(word, g * cols + i, 32).asSInt());
        }
        return new Vec<>(candidates).read(group);
    }
}
