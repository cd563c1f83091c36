package dev.accelgen.pe.accel.matrix.rtl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.matrix.MatArith;
import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;
import dev.accelgen.pe.vector.engine.EngineIo;
import java.util.ArrayList;
import java.util.List;

/**
 * The fetch stage ({@code FetchStage} in the model): takes an MM, reads the gather count, the column parameters
 * and the activation rows (per row the SBUF token or q first), one request per cycle behind the output stage's
 * claims, and quantizes the returning words into the row buffer. Requests are the ports' registered outputs;
 * the data arrive two edges after the decision ({@code tagA}, {@code tagB}).
 */
final class FetchRtl {
    static final int IDLE = 0;
    static final int WAIT = 1;
    static final int COUNT = 2;
    static final int COUNT_WAIT = 3;
    static final int PARAM = 4;
    static final int ROW_SB = 5;
    static final int TOKEN_WAIT = 6;
    static final int WORDS = 7;
    static final int K_COUNT = 0;
    static final int K_TOKEN = 1;
    static final int K_Q = 2;
    static final int K_PARAM_M = 3;
    static final int K_PARAM_B = 4;
    static final int K_ACT = 5;

    private final ModuleBuilder b;
    private final MatrixEngineConfig c;
    private final EngineIo io;
    final UInt state;
    final UInt slot;
    private final UInt j;
    private final UInt m;
    private final UInt r;
    private final UInt half;
    private final UInt word;
    private final UInt rowAddr;
    private final Tag tagA;
    private final Tag tagB;
    /** An instruction is taken this cycle (its fields load into slot {@link #slot}). */
    final Bool load;
    /** A gather count arrives: the slot's row count becomes {@link #countValue}. */
    final Bool countArrives;
    final UInt countValue;
    final UInt countSlot;
    /** This cycle's read request for the next cycle. */
    Bool opValid;
    Bool opSbuf;
    UInt opAddr;

    /** The registers of a read in flight. */
    private record Tag(Bool valid, UInt kind, UInt slot, UInt index, UInt r, UInt half, Bool last) {
    }

    FetchRtl(ModuleBuilder b, MatrixEngineConfig c, EngineIo io, Flags flags) {
        this.b = b;
        this.c = c;
        this.io = io;
        int cnt = 17;
        state = b.reg("fetch_state", UInt.type(3), IDLE);
        slot = b.reg("fetch_slot", UInt.type(2), 0);
        j = b.reg("fetch_j", UInt.type(cnt), 0);
        m = b.reg("fetch_m", UInt.type(16), 0);
        r = b.reg("fetch_r", UInt.type(8), 0);
        half = b.reg("fetch_half", UInt.type(1), 0);
        word = b.reg("fetch_word", UInt.type(cnt), 0);
        rowAddr = b.reg("fetch_row_addr", UInt.type(c.abufAddrBits()), 0);
        tagA = tag("fetch_tag_a", cnt);
        tagB = tag("fetch_tag_b", cnt);
        load = b.named("fetch_load", io.go().and(state.eq(IDLE)).and(ready(flags)));
        countArrives = b.named("count_arrives", tagB.valid().and(tagB.kind().eq(K_COUNT)));
        countValue = b.named("count_value", io.sbRdData().slice(15, 0).asUInt());
        countSlot = tagB.slot();
    }

    private Tag tag(String name, int cnt) {
        return new Tag(b.reg(name + "_valid", Bool.type(), 0), b.regNoReset(name + "_kind", UInt.type(3)),
                b.regNoReset(name + "_slot", UInt.type(2)), b.regNoReset(name + "_index", UInt.type(cnt)),
                b.regNoReset(name + "_r", UInt.type(8)), b.regNoReset(name + "_half", UInt.type(1)),
                b.regNoReset(name + "_last", Bool.type()));
    }

    /** {@code ready}: idle with a free slot (a function of registers). */
    Bool ready(Flags flags) {
        return state.eq(IDLE).and(Flags.at(flags.inUse, slot).not());
    }

    void build(SlotRegs slots, RowBuffer rb, ParamBuffer params, Flags flags, Bool abClaim, Bool sbClaim) {
        int aw = c.abufAddrBits();
        int sbw = c.sbufAddrBits();
        int lanes = c.lanes();
        int lw = Integer.numberOfTrailingZeros(lanes);
        int rp = c.shape().rowsPerPass();

        // the registered products of the previous cycle become codes in the row buffer
        Bool qValid = b.reg("quant_valid", Bool.type(), 0);
        UInt qSlot = b.regNoReset("quant_slot", UInt.type(2));
        UInt qR = b.regNoReset("quant_r", UInt.type(8));
        UInt qHalf = b.regNoReset("quant_half", UInt.type(1));
        UInt qWord = b.regNoReset("quant_word", UInt.type(17));
        Bool qLast = b.regNoReset("quant_last", Bool.type());
        List<SInt> qProd = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            qProd.add(b.regNoReset("quant_prod_" + i, SInt.type(64)));
        }
        UInt qShift = slots.get("qShift", qSlot);
        var codes = c.shape().codes();
        List<Bits> laneCodes = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            SInt rounded = RtlOps.roundShift(b, "quant_round_" + i, qProd.get(i), qShift);
            laneCodes.add(RtlOps.clamp(rounded, codes.lo(), codes.hi(), c.shape().codeBits()));
        }
        rb.write(qValid, qR, qHalf, qWord, b.named("quant_codes", RtlOps.word(laneCodes)));
        Flags.set(b, flags.full, qHalf, qValid.and(qLast), Bool.TRUE);

        // data returning for tagB
        Bool bValid = tagB.valid();
        UInt bKind = tagB.kind();
        Bool act = b.named("ret_act", bValid.and(bKind.eq(K_ACT)));
        UInt qRowSel = qRowRegs(slots, bValid.and(bKind.eq(K_Q)), tagB.slot());
        UInt qUse = b.named("ret_q", slots.flag("rowScale", tagB.slot()).select(qRowSel,
                slots.get("q", tagB.slot()).zext(MatArith.Q_BITS)));
        SInt qSigned = qUse.toSInt();
        qValid.set(act);
        b.when(act, () -> {
            qSlot.set(tagB.slot());
            qR.set(tagB.r());
            qHalf.set(tagB.half());
            qWord.set(tagB.index());
            qLast.set(tagB.last());
            for (int i = 0; i < lanes; i++) {
                qProd.get(i).set(RtlOps.lane(io.abRdData(), i, 32).asSInt().mul(qSigned).resize(64));
            }
        });
        params.write(bValid.and(bKind.eq(K_PARAM_M)), bValid.and(bKind.eq(K_PARAM_B)), tagB.slot(), tagB.index(),
                io.abRdData());
        UInt tokenAddr = b.named("token_addr", slots.get("act", tagB.slot()).addWrap(
                io.sbRdData().slice(aw - 1, 0).asUInt().mul(slots.get("actStride", tagB.slot())).resize(aw)));
        b.when(bValid.and(bKind.eq(K_TOKEN)), () -> {
            rowAddr.set(tokenAddr);
            state.set(UInt.lit(WORDS, 3));
        });
        b.when(countArrives, () -> {
            b.when(countValue.eq(0), () -> state.set(UInt.lit(IDLE, 3)))
                    .otherwise(() -> state.set(afterCount(slots, slot, j)));
        });
        Flags.set(b, flags.inUse, tagB.slot(), countArrives.and(countValue.eq(0)), Bool.FALSE);

        // requests
        UInt opSlot = slot;
        UInt nw = words(slots.get("n", opSlot), lw);
        UInt kw = words(slots.get("k", opSlot), lw);
        UInt rows = slots.get("rows", opSlot);
        Bool gather = slots.flag("gather", opSlot);
        Bool rowScale = slots.flag("rowScale", opSlot);
        UInt sbufBase = slots.get("sbuf", opSlot);
        UInt twoM = m.shl(1).resize(sbw);
        Bool sOp = b.wire("fetch_op_sbuf", Bool.FALSE);
        Bool aOp = b.wire("fetch_op_abuf", Bool.FALSE);
        UInt addr = b.wire("fetch_op_addr", UInt.lit(0, Math.max(aw, sbw)));
        UInt newKind = b.wire("fetch_op_kind", UInt.lit(0, 3));
        UInt newIndex = b.wire("fetch_op_index", UInt.lit(0, 17));
        Bool newLast = b.wire("fetch_op_last", Bool.FALSE);

        Bool passStart = b.named("fetch_pass_start", r.eq(0).and(word.eq(0)).and(gather.not()).and(rowScale.not()));
        b.switchOn(state).is(IDLE, () -> {
            b.when(load, () -> {
                UInt iRows = io.<UInt>field("rows").resize(16);
                Bool iGather = io.<UInt>field("gather").eq(1);
                Bool noop = iGather.not().and(iRows.eq(0));
                b.when(noop.not(), () -> {
                    Flags.set(b, flags.inUse, slot, Bool.TRUE, Bool.TRUE);
                    m.set(UInt.lit(0, 16));
                    r.set(UInt.lit(0, 8));
                    word.set(UInt.lit(0, 17));
                    rowAddr.set(io.<UInt>field("act").resize(aw));
                    UInt jInit = io.<UInt>field("rowScale").eq(1).select(words(io.field("n"), lw), UInt.lit(0, 17));
                    j.set(jInit);
                    UInt first = iGather.select(UInt.lit(COUNT, 3), afterCountIo(lw, jInit));
                    Bool go = io.<UInt>field("overlap").eq(1).or(flags.othersInUse(slot).not());
                    state.set(go.select(first, UInt.lit(WAIT, 3)));
                });
            });
        }).is(WAIT, () -> {
            b.when(slots.flag("overlap", slot).or(flags.othersInUse(slot).not()), () -> state.set(
                    gather.select(UInt.lit(COUNT, 3), afterCount(slots, slot, j))));
        }).is(COUNT, () -> {
            b.when(sbClaim.not(), () -> {
                sOp.set(Bool.TRUE);
                addr.set(sbufBase.resize(addr.width()));
                newKind.set(UInt.lit(K_COUNT, 3));
                state.set(UInt.lit(COUNT_WAIT, 3));
            });
        }).is(PARAM, () -> {
            b.when(abClaim.not(), () -> {
                aOp.set(Bool.TRUE);
                addr.set(slots.get("cparam", opSlot).addWrap(j.resize(aw)).resize(addr.width()));
                Bool isM = j.lt(nw);
                newKind.set(isM.select(UInt.lit(K_PARAM_M, 3), UInt.lit(K_PARAM_B, 3)));
                newIndex.set(isM.select(j, j.subWrap(nw)));
                UInt end = slots.flag("bias", opSlot).select(nw.shl(1).resize(17), nw);
                b.when(j.eq(end.subWrap(1)), () -> state.set(rowStart(gather, rowScale)))
                        .otherwise(() -> j.set(j.addWrap(1)));
            });
        }).is(ROW_SB, () -> {
            Bool blocked = r.eq(0).and(Flags.at(flags.claimed, half));
            b.when(blocked.not().and(sbClaim.not()), () -> {
                Flags.set(b, flags.claimed, half, r.eq(0), Bool.TRUE);
                sOp.set(Bool.TRUE);
                newIndex.set(UInt.lit(0, 17));
                b.when(gather, () -> {
                    addr.set(sbufBase.addWrap(twoM).addWrap(1).resize(addr.width()));
                    newKind.set(UInt.lit(K_TOKEN, 3));
                    state.set(UInt.lit(TOKEN_WAIT, 3));
                }).otherwise(() -> {
                    addr.set(sbufBase.addWrap(twoM).resize(addr.width()));
                    newKind.set(UInt.lit(K_Q, 3));
                    state.set(UInt.lit(WORDS, 3));
                });
            });
        }).is(WORDS, () -> {
            Bool blocked = passStart.and(Flags.at(flags.claimed, half));
            b.when(blocked.not().and(abClaim.not()), () -> {
                Flags.set(b, flags.claimed, half, passStart, Bool.TRUE);
                Bool lastWord = word.eq(kw.subWrap(1));
                Bool lastRow = m.eq(rows.subWrap(1));
                Bool endPass = r.eq(rp - 1).or(lastRow);
                aOp.set(Bool.TRUE);
                addr.set(rowAddr.addWrap(word.resize(aw)).resize(addr.width()));
                newKind.set(UInt.lit(K_ACT, 3));
                newIndex.set(word);
                newLast.set(lastWord.and(endPass));
                b.when(lastWord, () -> {
                    word.set(UInt.lit(0, 17));
                    b.when(gather.not(), () -> rowAddr.set(rowAddr.addWrap(slots.get("actStride", opSlot).resize(aw))));
                    b.when(endPass, () -> {
                        r.set(UInt.lit(0, 8));
                        half.set(half.not());
                    }).otherwise(() -> r.set(r.addWrap(1)));
                    m.set(m.addWrap(1));
                    b.when(lastRow, () -> {
                        slot.set(SlotRegs.next(slot));
                        state.set(UInt.lit(IDLE, 3));
                    }).otherwise(() -> state.set(rowStart(gather, rowScale)));
                }).otherwise(() -> word.set(word.addWrap(1)));
            });
        }).otherwise(() -> {
            // COUNT_WAIT, TOKEN_WAIT: the returning data move on
        });

        opValid = b.named("fetch_op_valid", sOp.or(aOp));
        opSbuf = sOp;
        opAddr = addr;
        tagB.valid().set(tagA.valid());
        shift(tagA, tagB);
        tagA.valid().set(opValid);
        b.when(opValid, () -> {
            tagA.kind().set(newKind);
            tagA.slot().set(slot);
            tagA.index().set(newIndex);
            tagA.r().set(r);
            tagA.half().set(half);
            tagA.last().set(newLast);
        });
    }

    private void shift(Tag from, Tag to) {
        to.kind().set(from.kind());
        to.slot().set(from.slot());
        to.index().set(from.index());
        to.r().set(from.r());
        to.half().set(from.half());
        to.last().set(from.last());
    }

    /** q per slot, written by returning Q reads; the value of {@code sel}'s slot. */
    private UInt qRowRegs(SlotRegs slots, Bool write, UInt sel) {
        List<UInt> regs = new ArrayList<>();
        for (int s = 0; s < SlotRegs.SLOTS; s++) {
            UInt q = b.regNoReset("q_row_" + s, UInt.type(MatArith.Q_BITS));
            b.when(write.and(sel.eq(s)), () -> q.set(io.sbRdData().asUInt()));
            regs.add(q);
        }
        return new dev.accelgen.hdl.Vec<>(regs).read(sel);
    }

    private UInt afterCount(SlotRegs slots, UInt s, UInt jNow) {
        UInt nw = words(slots.get("n", s), Integer.numberOfTrailingZeros(c.lanes()));
        UInt end = slots.flag("bias", s).select(nw.shl(1).resize(17), nw);
        return jNow.lt(end).select(UInt.lit(PARAM, 3), rowStart(slots.flag("gather", s), slots.flag("rowScale", s)));
    }

    private UInt afterCountIo(int lw, UInt jInit) {
        UInt nw = words(io.field("n"), lw);
        UInt end = io.<UInt>field("bias").eq(1).select(nw.shl(1).resize(17), nw);
        return jInit.lt(end).select(UInt.lit(PARAM, 3), rowStart(io.<UInt>field("gather").eq(1),
                io.<UInt>field("rowScale").eq(1)));
    }

    private static UInt rowStart(Bool gather, Bool rowScale) {
        return gather.or(rowScale).select(UInt.lit(ROW_SB, 3), UInt.lit(WORDS, 3));
    }

    /** ceil(x / 2^lw) as a 17-bit count. */
    static UInt words(UInt x, int lw) {
        return x.resize(17).addWrap((1 << lw) - 1).shr(lw).resize(17);
    }
}
