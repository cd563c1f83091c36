package dev.accelgen.pe.accel.matrix.model;

import dev.accelgen.pe.accel.matrix.MatArith;
import dev.accelgen.pe.accel.matrix.UnitShape;

/**
 * The output stage: takes the unit's results one row fragment (a column block of one row) per cycle and
 * counts where each belongs (instruction slot, pass, column block, row). Stage F1 registers the fragment and
 * requests, with {@code rowScale}, the row's M from SBUF ({@code sb} taken first; once per row); F2 has the
 * column parameters (M and bias words, read from the slot's half) and the SBUF data; P registers the products;
 * then {@code y = sat32(sat32(roundShift(acc * M, dShift)) + bias)} lands in the row's staging word. A word whose
 * last column arrived moves to W1, which requests the old output word with {@code accumulate} (ABUF read taken
 * first); W2 adds it (saturating), zeroes the lanes past n and registers the ABUF write. The last fragment of an
 * instruction frees its slot at W2.
 */
final class OutputStage {
    /** A fragment's facts: where its values go. */
    record Frag(int slot, int r, int m, boolean rowValid, int word, int off, boolean wordEnd, boolean lastOfMm,
                boolean readM, int addr, long[] acc, int[] mult, int[] bias) {
        Frag with(int[] multiplier, int[] b) {
            return new Frag(slot, r, m, rowValid, word, off, wordEnd, lastOfMm, readM, addr, acc, multiplier, b);
        }
    }

    /** A finished output word (or only the end of an instruction whose last row is past its row count). */
    record Word(int slot, boolean write, boolean free, boolean accumulate, int addr, int word, int[] data) {
    }

    /** A registered ABUF write. */
    record Write(int addr, int[] data) {
    }

    private final EngineState st;
    private final UnitShape shape;
    private final int lanes;
    private int slot;
    private int rowPos;
    private int colPos;
    private int r;
    private boolean mValid;
    private int mRow;
    private int mSlot;
    private int mReg;
    private Frag f1;
    private Frag f2;
    private Frag p;
    private int[] prmM;
    private int[] prmB;
    private final int[][] staging;
    private Word w1;
    private Word w2;
    Write write;
    /** Requests for the next cycle, decided in this edge (they take the ports first). */
    boolean sbClaim;
    int sbAddr;
    boolean abClaim;
    int abAddr;
    /** The slot freed at this edge (-1: none), for the engine's statistics. */
    int freed = -1;

    OutputStage(EngineState st) {
        this.st = st;
        this.shape = st.cfg.shape();
        this.lanes = st.cfg.lanes();
        this.staging = new int[shape.rowsPerPass()][lanes];
        this.prmM = new int[lanes];
        this.prmB = new int[lanes];
    }

    /** One clock edge with the fragment the unit side shows in this cycle (null: none). */
    void tick(long[] fragment, int[] abData, int sbData, boolean[] inUseNext) {
        freed = -1;
        write = null;
        if (w2 != null) {
            MmContext c = st.slots[w2.slot()];
            if (w2.write()) {
                int[] data = new int[lanes];
                for (int i = 0; i < lanes; i++) {
                    int y = w2.accumulate() ? MatArith.addSat(w2.data()[i], abData[i]) : w2.data()[i];
                    data[i] = w2.word() * lanes + i < c.n() ? y : 0;
                }
                write = new Write(w2.addr(), data);
            }
            if (w2.free()) {
                inUseNext[w2.slot()] = false;
                freed = w2.slot();
            }
        }
        w2 = w1;
        w1 = null;
        abClaim = false;
        if (p != null) {
            finish(p);
        }
        p = null;
        if (f2 != null) {
            MmContext c = st.slots[f2.slot()];
            int cols = shape.colsPerBlock();
            int[] mult = new int[cols];
            int[] bias = new int[cols];
            for (int i = 0; i < cols; i++) {
                mult[i] = c.rowScale() ? (f2.readM() ? sbData : mReg) : prmM[f2.off() + i];
                bias[i] = c.bias() ? prmB[f2.off() + i] : 0;
            }
            if (f2.readM()) {
                mReg = sbData;
            }
            p = f2.with(mult, bias);
        }
        f2 = f1;
        if (f1 != null) {
            int addr = f1.slot() * st.cfg.paramHalfDepth() + f1.word();
            prmM = st.paramM[addr].clone();
            prmB = st.paramB[addr].clone();
        }
        f1 = null;
        sbClaim = false;
        if (fragment != null) {
            f1 = place(fragment);
        }
    }

    /** P: the outputs of a fragment into the staging word; a finished word moves to W1. */
    private void finish(Frag f) {
        MmContext c = st.slots[f.slot()];
        for (int i = 0; i < f.acc().length; i++) {
            int y = MatArith.output(f.acc()[i], f.mult()[i], c.dShift(), f.bias()[i], 0);
            if (f.rowValid()) {
                staging[f.r()][f.off() + i] = y;
            }
        }
        if (f.wordEnd()) {
            boolean acc = c.accumulate() && f.rowValid();
            w1 = new Word(f.slot(), f.rowValid(), f.lastOfMm(), acc, f.addr(), f.word(), staging[f.r()].clone());
            if (acc) {
                abClaim = true;
                abAddr = f.addr();
            }
        }
    }

    /** F1: where an arriving fragment belongs; the counters move on. */
    private Frag place(long[] fragment) {
        MmContext c = st.slots[slot];
        int cols = shape.colsPerBlock();
        int m = rowPos + r;
        boolean rowValid = m < c.rows();
        boolean lastBlock = colPos + cols >= c.n();
        boolean lastPass = rowPos + shape.rowsPerPass() >= c.rows();
        boolean lastRow = r == shape.rowsPerPass() - 1;
        boolean lastOfMm = lastRow && lastBlock && lastPass;
        int word = colPos / lanes;
        boolean wordEnd = (colPos + cols) % lanes == 0 || lastBlock;
        boolean readM = c.rowScale() && rowValid && !(mValid && mSlot == slot && mRow == m);
        if (readM) {
            sbClaim = true;
            sbAddr = (c.sbuf() + 2 * m + 1) & st.sbufMask();
            mValid = true;
            mRow = m;
            mSlot = slot;
        }
        if (lastOfMm) {
            mValid = false;
        }
        int addr = (int) ((c.out() + (long) m * c.outStride() + word) & st.abufMask());
        Frag f = new Frag(slot, r, m, rowValid, word, colPos % lanes, wordEnd, lastOfMm, readM, addr, fragment.clone(),
                null, null);
        if (!lastRow) {
            r++;
        } else {
            r = 0;
            if (!lastBlock) {
                colPos += cols;
            } else {
                colPos = 0;
                if (!lastPass) {
                    rowPos += shape.rowsPerPass();
                } else {
                    rowPos = 0;
                    slot = EngineState.nextSlot(slot);
                }
            }
        }
        return f;
    }
}
