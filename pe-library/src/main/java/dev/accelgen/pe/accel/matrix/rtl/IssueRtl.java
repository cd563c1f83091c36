package dev.accelgen.pe.accel.matrix.rtl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Vec;
import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;
import dev.accelgen.pe.accel.matrix.UnitShape;
import dev.accelgen.pe.vector.engine.EngineIo;
import java.util.ArrayList;
import java.util.List;

/**
 * The issue stage ({@code IssueStage} in the model): one beat request per cycle while the current half is full
 * (WBUF word on {@code wb_rd_*}, row-buffer superword), the beat formed from the read data one cycle later and
 * registered in {@link Beat}, which drives the unit the cycle after.
 */
final class IssueRtl {
    /** The beat register: codes per row slot and lane, the payload, the flags; {@code nextSparse} is the next beat's mode. */
    record Beat(Bool valid, Bool first, Bool last, List<List<Bits>> codes, Bits payload, Bool nextSparse) {
    }

    final Beat beat;

    IssueRtl(ModuleBuilder b, MatrixEngineConfig c, EngineIo io, SlotRegs slots, RowBuffer rb, Flags flags) {
        UnitShape sh = c.shape();
        int lanesMax = Math.max(sh.positions(false), sh.positions(true));
        int posBits = 17;
        int subBits = RtlOps.bitsFor(c.superCodes() - 1);
        int swBits = Math.max(1, rb.superwordBits());
        int laneBits = RtlOps.bitsFor(lanesMax);
        int spacing = sh.lastSpacing();
        int gapBits = RtlOps.bitsFor(spacing);

        UInt half = b.reg("issue_half", UInt.type(1), 0);
        UInt slot = b.reg("issue_slot", UInt.type(2), 0);
        UInt posK = b.reg("issue_pos_k", UInt.type(posBits), 0);
        UInt superword = b.reg("issue_superword", UInt.type(swBits), 0);
        UInt sub = b.reg("issue_sub", UInt.type(subBits), 0);
        UInt colPos = b.reg("issue_col_pos", UInt.type(posBits), 0);
        UInt rowPos = b.reg("issue_row_pos", UInt.type(posBits), 0);
        UInt wOff = b.reg("issue_w_off", UInt.type(16), 0);
        UInt lastGap = b.reg("issue_last_gap", UInt.type(gapBits), 0);

        Bool sparse = slots.flag("sparse", slot);
        UInt lb = sparse.select(UInt.lit(sh.positions(true), posBits), UInt.lit(sh.positions(false), posBits));
        UInt ratioM1 = sparse.select(UInt.lit(c.superCodes() / sh.positions(true) - 1, subBits),
                UInt.lit(c.superCodes() / sh.positions(false) - 1, subBits));
        UInt k = slots.get("k", slot).resize(posBits);
        Bool lastBeat = b.named("issue_last_beat", posK.addWrap(lb).ge(k));
        Bool can = b.named("issue_can", Flags.at(flags.full, half).and(lastBeat.not().or(lastGap.eq(0))));
        UInt left = k.subWrap(posK);
        UInt validLanes = left.lt(lb).select(left, lb).resize(laneBits);

        b.when(can.and(lastBeat), () -> lastGap.set(UInt.lit(spacing - 1, gapBits)))
                .elseWhen(lastGap.ne(0), () -> lastGap.set(lastGap.subWrap(1)));
        Bool wbEn = b.regNext("wb_en_q", can, 0);
        UInt wbBank = RtlOps.hold(b, "wb_bank_q", can, slots.get("wbank", slot));
        UInt wbAddr = RtlOps.hold(b, "wb_addr_q", can, slots.get("wAddr", slot).addWrap(wOff.resize(c.wbufAddrBits())));
        io.wbRdEn().set(wbEn);
        io.wbRdBank().set(wbBank);
        io.wbRdAddr().set(wbAddr);
        Bool rValid = wbEn;
        UInt rHalf = RtlOps.hold(b, "req_half", can, half);
        UInt rSuperword = RtlOps.hold(b, "req_superword", can, superword);
        UInt rSub = RtlOps.hold(b, "req_sub", can, sub);
        Bool rFirst = RtlOps.hold(b, "req_first", can, posK.eq(0));
        Bool rLast = RtlOps.hold(b, "req_last", can, lastBeat);
        UInt rLanes = RtlOps.hold(b, "req_lanes", can, validLanes);
        Bool rSparse = RtlOps.hold(b, "req_sparse", can, sparse);

        b.when(can, () -> {
            wOff.set(wOff.addWrap(1));
            b.when(lastBeat.not(), () -> {
                posK.set(posK.addWrap(lb));
                b.when(sub.eq(ratioM1), () -> {
                    sub.set(UInt.lit(0, subBits));
                    superword.set(superword.addWrap(1));
                }).otherwise(() -> sub.set(sub.addWrap(1)));
            }).otherwise(() -> {
                posK.set(UInt.lit(0, posBits));
                superword.set(UInt.lit(0, swBits));
                sub.set(UInt.lit(0, subBits));
                b.when(colPos.addWrap(sh.colsPerBlock()).lt(slots.get("n", slot).resize(posBits)),
                        () -> colPos.set(colPos.addWrap(sh.colsPerBlock()))).otherwise(() -> {
                            colPos.set(UInt.lit(0, posBits));
                            wOff.set(UInt.lit(0, 16));
                            Flags.set(b, flags.full, half, Bool.TRUE, Bool.FALSE);
                            Flags.set(b, flags.claimed, half, Bool.TRUE, Bool.FALSE);
                            half.set(half.not());
                            b.when(rowPos.addWrap(sh.rowsPerPass()).lt(slots.get("rows", slot).resize(posBits)),
                                    () -> rowPos.set(rowPos.addWrap(sh.rowsPerPass()))).otherwise(() -> {
                                        rowPos.set(UInt.lit(0, posBits));
                                        slot.set(SlotRegs.next(slot));
                                    });
                        });
            });
        });

        // one cycle later: the row buffer's and WBUF's data; the beat is formed and registered
        List<Bits> superwords = rb.read(b, rValid, rHalf, rSuperword.resize(swBits));
        Bool dValid = b.regNext("d_valid", rValid, 0);
        UInt dSub = b.regNext("d_sub", rSub, 0);
        Bool dFirst = b.regNext("d_first", rFirst, 0);
        Bool dLast = b.regNext("d_last", rLast, 0);
        UInt dLanes = b.regNext("d_lanes", rLanes, 0);
        Bool dSparse = b.regNext("d_sparse", rSparse, 0);

        Bool bValid = b.regNext("beat_valid", dValid, 0);
        Bool bFirst = RtlOps.hold(b, "beat_first", dValid, dFirst);
        Bool bLast = RtlOps.hold(b, "beat_last", dValid, dLast);
        Bits bPayload = RtlOps.hold(b, "beat_payload", dValid, io.wbRdData().slice(sh.payloadBits() - 1, 0));
        List<List<Bits>> codes = new ArrayList<>();
        for (int row = 0; row < sh.rowsPerPass(); row++) {
            List<Bits> lanes = new ArrayList<>();
            for (int i = 0; i < lanesMax; i++) {
                Bits code = select(b, c, superwords.get(row), dSub, dSparse, i);
                Bits masked = UInt.lit(i, laneBits).lt(dLanes).select(code, Bits.lit(0, sh.codeBits()));
                lanes.add(RtlOps.hold(b, "beat_code_r" + row + "_" + i, dValid, masked));
            }
            codes.add(lanes);
        }
        beat = new Beat(bValid, bFirst, bLast, codes, bPayload, dSparse);
    }

    /** Lane {@code i} of the beat: code {@code sub * Lb + i} of the superword, Lb by the mode. */
    private static Bits select(ModuleBuilder b, MatrixEngineConfig c, Bits superword, UInt sub, Bool sparse, int i) {
        UnitShape sh = c.shape();
        int cw = sh.codeBits();
        List<Bits> byMode = new ArrayList<>();
        for (boolean sp : new boolean[] {false, true}) {
            int lb = sh.positions(sp);
            List<Bits> candidates = new ArrayList<>();
            for (int s = 0; s < c.superCodes() / lb; s++) {
                int pos = s * lb + i;
                candidates.add(pos < c.superCodes() ? RtlOps.lane(superword, pos, cw) : Bits.lit(0, cw));
            }
            byMode.add(new Vec<>(candidates).read(sub));
        }
        return sh.sparseCapable() ? sparse.select(byMode.get(1), byMode.get(0)) : byMode.get(0);
    }
}
