package dev.accelgen.pe.accel.matrix.model;

import dev.accelgen.pe.accel.matrix.UnitShape;
import dev.accelgen.pe.accel.matrix.WordBits;

/**
 * The issue stage: while the current row-buffer half is full, requests one beat per cycle (row-buffer superword
 * and WBUF word, the WBUF request on the engine's registered {@code wb_rd_*} outputs), looping column blocks
 * outside and reduction beats inside, the same weight words for every pass; a beat that ends a reduction waits
 * until {@link UnitShape#lastSpacing()} cycles have passed since the previous one. The data of a request arrive
 * one cycle later ({@link #d}); the beat is formed from them and registered ({@link #beat}), which the unit
 * takes the cycle after. The half is released with the pass's last request.
 */
final class IssueStage {
    /** A beat request, and the same facts one cycle later while its data arrive. */
    record Req(int half, int superword, int sub, boolean first, boolean last, int validLanes, boolean sparse,
               boolean mmStart) {
    }

    /** The beat the unit takes: codes per row slot and lane, the WBUF payload, its flags ({@code mmStart}: an MM's first). */
    record Beat(boolean first, boolean last, boolean mmStart, int[][] codes, long[] payload) {
    }

    private final EngineState st;
    private final UnitShape shape;
    private int half;
    private int slot;
    private int posK;
    private int superword;
    private int sub;
    private int colPos;
    private int rowPos;
    private int wOff;
    private int lastGap;
    private Req req;
    private Req d;
    /** The row buffer's registered read data: {@code [row slot][bank][lane]}. */
    private int[][][] rbData;
    Beat beat;
    boolean wbEn;
    int wbBank;
    int wbAddr;
    /** The sparse flag of the latest request, and of the request before (the beat register's next beat). */
    private boolean reqSparse;
    boolean dSparse;

    IssueStage(EngineState st) {
        this.st = st;
        this.shape = st.cfg.shape();
        this.rbData = new int[shape.rowsPerPass()][st.cfg.banks()][st.cfg.lanes()];
    }

    /** One clock edge; {@code wbData} is the WBUF word requested in the previous cycle. */
    void tick(long[] wbData, boolean[] fullNext, boolean[] claimedNext) {
        beat = d == null ? null : form(d, wbData);
        d = req;
        dSparse = reqSparse;
        if (req != null) {
            int addr = req.half() * st.cfg.halfDepth() + req.superword();
            for (int r = 0; r < rbData.length; r++) {
                for (int bank = 0; bank < rbData[r].length; bank++) {
                    rbData[r][bank] = st.rb[r][bank][addr].clone();
                }
            }
        }
        MmContext c = st.slots[slot];
        boolean sparse = c != null && c.sparse();
        int lb = shape.positions(sparse);
        boolean lastBeat = c != null && posK + lb >= c.k();
        boolean can = st.full[half] && (!lastBeat || lastGap == 0);
        lastGap = lastGap > 0 ? lastGap - 1 : 0;
        wbEn = can;
        if (!can) {
            req = null;
            return;
        }
        req = new Req(half, superword, sub, posK == 0, lastBeat, Math.min(lb, c.k() - posK), sparse,
                posK == 0 && colPos == 0 && rowPos == 0);
        reqSparse = sparse;
        wbBank = c.wbank();
        wbAddr = (c.wAddr() + wOff) & ((1 << st.cfg.wbufAddrBits()) - 1);
        wOff++;
        if (!lastBeat) {
            posK += lb;
            if (sub == st.cfg.superCodes() / lb - 1) {
                sub = 0;
                superword++;
            } else {
                sub++;
            }
            return;
        }
        lastGap = shape.lastSpacing() - 1;
        posK = 0;
        superword = 0;
        sub = 0;
        if (colPos + shape.colsPerBlock() < c.n()) {
            colPos += shape.colsPerBlock();
            return;
        }
        colPos = 0;
        wOff = 0;
        fullNext[half] = false;
        claimedNext[half] = false;
        half ^= 1;
        if (rowPos + shape.rowsPerPass() < c.rows()) {
            rowPos += shape.rowsPerPass();
        } else {
            rowPos = 0;
            slot = EngineState.nextSlot(slot);
        }
    }

    /** Codes of the requested positions (0 past K) from the superword read, and the payload bits. */
    private Beat form(Req q, long[] wbData) {
        int lb = shape.positions(q.sparse());
        int width = Math.max(shape.positions(false), shape.positions(true));
        int v = st.cfg.lanes();
        int[][] codes = new int[shape.rowsPerPass()][width];
        for (int r = 0; r < codes.length; r++) {
            for (int i = 0; i < q.validLanes(); i++) {
                int pos = q.sub() * lb + i;
                codes[r][i] = rbData[r][pos / v][pos % v];
            }
        }
        long[] payload = WordBits.word(shape.payloadBits());
        for (int b = 0; b < shape.payloadBits(); b += 64) {
            int w = Math.min(64, shape.payloadBits() - b);
            WordBits.put(payload, b, w, WordBits.get(wbData, b, w));
        }
        return new Beat(q.first(), q.last(), q.mmStart(), codes, payload);
    }
}
