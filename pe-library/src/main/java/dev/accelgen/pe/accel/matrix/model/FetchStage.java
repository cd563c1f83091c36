package dev.accelgen.pe.accel.matrix.model;

import dev.accelgen.pe.accel.isa.Mm;
import dev.accelgen.pe.accel.matrix.MatArith;
import dev.accelgen.pe.accel.matrix.UnitShape;

/**
 * The fetch stage: takes an MM ({@code go}), then reads, one request per cycle, the SBUF token count
 * ({@code gather}), the M and bias words into the instruction slot's column-parameter half, and pass after pass
 * the activation rows (per row the SBUF token or q first, with {@code gather} or {@code rowScale}) into the
 * next row-buffer half once the issue stage released it (the first request of a pass claims the half),
 * quantized on the way: the product {@code x * q} is registered, the rounded and clamped
 * codes are written one cycle later, and the half is marked full with the pass's last word. The output stage's
 * requests take a buffer port first ({@code abClaim}, {@code sbClaim}); a request that finds its port taken
 * waits.
 */
final class FetchStage {
    enum State { IDLE, WAIT, COUNT, COUNT_WAIT, PARAM, ROW_SB, TOKEN_WAIT, WORDS }

    enum Kind { COUNT, TOKEN, Q, PARAM_M, PARAM_B, ACT }

    /** A read in flight: what it is for. */
    record Tag(Kind kind, int slot, int index, int r, int half, boolean lastOfPass) {
    }

    /** Registered products of one activation word. */
    record Quant(int slot, int r, int half, int word, boolean lastOfPass, long[] products) {
    }

    /** A read request for the next cycle. */
    record Op(boolean sbuf, int addr, Tag tag) {
    }

    private final EngineState st;
    private final UnitShape shape;
    private final int lanes;
    private State state = State.IDLE;
    private int slot;
    private int j;
    private int m;
    private int r;
    private int half;
    private int word;
    private int rowAddr;
    private final long[] qRow = new long[EngineState.SLOTS];
    private Tag tagA;
    private Tag tagB;
    private Quant quant;
    boolean ready = true;

    FetchStage(EngineState st) {
        this.st = st;
        this.shape = st.cfg.shape();
        this.lanes = st.cfg.lanes();
    }

    /** One clock edge; returns this stage's read request for the next cycle (null: none). */
    Op tick(boolean go, Mm instr, boolean abClaim, boolean sbClaim, int[] abData, int sbData, boolean[] fullNext,
            boolean[] claimedNext, boolean[] inUseNext) {
        writeCodes(fullNext);
        Quant quantNext = null;
        State next = state;
        if (tagB != null) {
            MmContext c = st.slots[tagB.slot()];
            switch (tagB.kind()) {
                case ACT -> {
                    long q = c.rowScale() ? qRow[tagB.slot()] : c.q();
                    long[] p = new long[lanes];
                    for (int i = 0; i < lanes; i++) {
                        p[i] = (long) abData[i] * q;
                    }
                    quantNext = new Quant(tagB.slot(), tagB.r(), tagB.half(), tagB.index(), tagB.lastOfPass(), p);
                }
                case PARAM_M -> st.paramM[tagB.slot() * st.cfg.paramHalfDepth() + tagB.index()] = abData.clone();
                case PARAM_B -> st.paramB[tagB.slot() * st.cfg.paramHalfDepth() + tagB.index()] = abData.clone();
                case Q -> qRow[tagB.slot()] = sbData & MatArith.Q_MASK;
                case TOKEN -> {
                    int token = st.timingOnly ? m : sbData;
                    rowAddr = (int) ((c.act() + (long) (token & st.abufMask()) * c.actStride()) & st.abufMask());
                    next = State.WORDS;
                }
                case COUNT -> {
                    int rows = st.timingOnly ? c.rows() : sbData & 0xFFFF;
                    if (rows == 0) {
                        inUseNext[tagB.slot()] = false;
                        next = State.IDLE;
                    } else {
                        st.slots[tagB.slot()] = c.withRows(rows);
                        next = afterCount(c);
                    }
                }
                default -> throw new IllegalStateException(tagB.kind().toString());
            }
        }
        Op op = null;
        switch (state) {
            case IDLE -> {
                if (go && ready) {
                    next = start(instr, inUseNext);
                }
            }
            case WAIT -> {
                if (st.slots[slot].overlap() || !st.othersInUse(slot)) {
                    next = first(st.slots[slot]);
                }
            }
            case COUNT -> {
                if (!sbClaim) {
                    op = new Op(true, st.slots[slot].sbuf() & st.sbufMask(), new Tag(Kind.COUNT, slot, 0, 0, 0, false));
                    next = State.COUNT_WAIT;
                }
            }
            case PARAM -> {
                if (!abClaim) {
                    MmContext c = st.slots[slot];
                    int nw = c.outWords(lanes);
                    Tag t = j < nw ? new Tag(Kind.PARAM_M, slot, j, 0, 0, false) : new Tag(Kind.PARAM_B, slot, j - nw, 0, 0, false);
                    op = new Op(false, (c.cparam() + j) & st.abufMask(), t);
                    if (j == paramEnd(c) - 1) {
                        next = rowStart(c);
                    } else {
                        j++;
                    }
                }
            }
            case ROW_SB -> {
                if (!(r == 0 && st.claimed[half]) && !sbClaim) {
                    MmContext c = st.slots[slot];
                    claimedNext[half] |= r == 0;
                    if (c.gather()) {
                        op = new Op(true, (c.sbuf() + 1 + 2 * m) & st.sbufMask(), new Tag(Kind.TOKEN, slot, 0, r, half, false));
                        next = State.TOKEN_WAIT;
                    } else {
                        op = new Op(true, (c.sbuf() + 2 * m) & st.sbufMask(), new Tag(Kind.Q, slot, 0, r, half, false));
                        next = State.WORDS;
                    }
                }
            }
            case WORDS -> {
                MmContext c = st.slots[slot];
                boolean passStart = r == 0 && word == 0 && !c.gather() && !c.rowScale();
                if (!(passStart && st.claimed[half]) && !abClaim) {
                    claimedNext[half] |= passStart;
                    boolean lastWord = word == c.actWords(lanes) - 1;
                    boolean lastRow = m == c.rows() - 1;
                    boolean endPass = r == shape.rowsPerPass() - 1 || lastRow;
                    op = new Op(false, (rowAddr + word) & st.abufMask(),
                            new Tag(Kind.ACT, slot, word, r, half, lastWord && endPass));
                    if (lastWord) {
                        next = endRow(c, lastRow, endPass);
                    } else {
                        word++;
                    }
                }
            }
            default -> {
                // COUNT_WAIT, TOKEN_WAIT: the returning data moves on
            }
        }
        state = next;
        tagB = tagA;
        tagA = op == null ? null : op.tag();
        quant = quantNext;
        ready = state == State.IDLE && !inUseNext[slot];
        return op;
    }

    /** The registered products of the previous cycle become codes in the row buffer. */
    private void writeCodes(boolean[] fullNext) {
        if (quant == null) {
            return;
        }
        MmContext c = st.slots[quant.slot()];
        int banks = st.cfg.banks();
        int[] codes = new int[lanes];
        for (int i = 0; i < lanes; i++) {
            codes[i] = shape.codes().clamp(MatArith.roundShift(quant.products()[i], c.qShift()));
        }
        st.rb[quant.r()][quant.word() % banks][quant.half() * st.cfg.halfDepth() + quant.word() / banks] = codes;
        if (quant.lastOfPass()) {
            fullNext[quant.half()] = true;
        }
    }

    private State start(Mm instr, boolean[] inUseNext) {
        MmContext c = MmContext.of(instr, shape.sparseCapable(), st.timingOnly);
        if (!c.gather() && c.rows() == 0) {
            return State.IDLE;
        }
        st.slots[slot] = c;
        inUseNext[slot] = true;
        m = 0;
        r = 0;
        word = 0;
        rowAddr = c.act() & st.abufMask();
        j = c.rowScale() ? c.outWords(lanes) : 0;
        return c.overlap() || !st.othersInUse(slot) ? first(c) : State.WAIT;
    }

    private State first(MmContext c) {
        return c.gather() ? State.COUNT : afterCount(c);
    }

    private State afterCount(MmContext c) {
        return j < paramEnd(c) ? State.PARAM : rowStart(c);
    }

    private State rowStart(MmContext c) {
        return c.gather() || c.rowScale() ? State.ROW_SB : State.WORDS;
    }

    private int paramEnd(MmContext c) {
        return (c.bias() ? 2 : 1) * c.outWords(lanes);
    }

    private State endRow(MmContext c, boolean lastRow, boolean endPass) {
        word = 0;
        if (!c.gather()) {
            rowAddr = (rowAddr + c.actStride()) & st.abufMask();
        }
        if (endPass) {
            r = 0;
            half ^= 1;
        } else {
            r++;
        }
        m++;
        if (lastRow) {
            slot = EngineState.nextSlot(slot);
            return State.IDLE;
        }
        return rowStart(c);
    }
}
