package dev.accelgen.pe.vector.attn;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.ScheduledModel;
import dev.accelgen.pe.vector.arith.AttnArith;
import dev.accelgen.pe.vector.arith.WideSum;
import dev.accelgen.pe.vector.attn.AttnEvent.Phase;

/**
 * Cycle model of {@link AttnEngine}. A sequencer event reaches the ABUF read port {@value AttnEngine#READ_DELAY}
 * cycles later and its data the x stage one cycle after that, where this model does a slot's arithmetic at once
 * ({@link AttnArith}'s steps: the RTL spreads them over its pipeline but reads and writes the buffers in the same
 * cycles). A row's last slot at the x stage in cycle X schedules its ABUF writes at X + 9 + w and its SBUF writes
 * (m, then l) at X + 9 and X + 10.
 */
public final class AttnModel extends ScheduledModel {
    private final AttnSeq seq;
    private final AttnEvent[] line = new AttnEvent[AttnEngine.READ_DELAY];
    private final int[][] q;
    private final int[] scores;
    private final boolean[] masked;
    private final WideSum[] acc;
    private final WideSum dot = new WideSum();
    private AttnEvent x;
    private int headDim;
    private int words;
    private boolean first;
    private boolean last;
    private boolean causal;
    private int mOld;
    private int lOld;
    private boolean lPending;
    private int tmax;
    private boolean mKnown;
    private int mNew;
    private int alpha;
    private int p;
    private long sumP;

    public AttnModel(AttnConfig cfg) {
        super(cfg.vec());
        seq = new AttnSeq(cfg);
        q = new int[1 << cfg.rowAddrBits()][lanes];
        scores = new int[1 << cfg.scoreAddrBits()];
        masked = new boolean[scores.length];
        acc = new WideSum[q.length * lanes];
        for (int i = 0; i < acc.length; i++) {
            acc[i] = new WideSum();
        }
    }

    @Override
    public boolean handles(QueuedInstr i) {
        return i instanceof VecInstr.VAttn;
    }

    @Override
    protected boolean working() {
        boolean inLine = x != null;
        for (AttnEvent e : line) {
            inLine |= e != null;
        }
        return seq.active() || seq.ev != null || inLine;
    }

    @Override
    protected void driveReads() {
        AttnEvent rd = line[line.length - 1];
        ab.rdEn = rd != null && rd.read();
        ab.rdAddr = rd != null ? rd.addr() : 0;
        boolean mRead = rd != null && rd.rowStart();
        boolean lRead = x != null && x.rowStart();
        sb.rdEn = !first && (mRead || lRead);
        sb.rdAddr = mRead ? rd.sbRow() : lRead ? sbAddr(x.sbRow() + 1L) : 0;
    }

    @Override
    protected void step() {
        if (lPending) {
            lOld = first ? 0 : sb.rdData;
            lPending = false;
        }
        if (x != null) {
            process(x, ab.rdData, sb.rdData);
        }
        x = line[line.length - 1];
        System.arraycopy(line, 0, line, 1, line.length - 1);
        line[0] = seq.ev != null && seq.ev.slot() ? seq.ev : null;
        seq.tick();
    }

    @Override
    protected void start(QueuedInstr instr) {
        VecInstr.VAttn v = (VecInstr.VAttn) instr;
        headDim = v.headDim();
        words = AttnSeq.words(headDim, lanes);
        first = v.first();
        last = v.last();
        causal = v.causal();
        seq.start(v);
    }

    private void process(AttnEvent e, int[] data, int sbData) {
        if (e.rowStart()) {
            mOld = first ? AttnArith.NO_MAX : sbData;
            lPending = true;
            tmax = AttnArith.NO_MAX;
            sumP = 0;
            mKnown = false;
            for (WideSum s : acc) {
                s.clear();
            }
        }
        int lw = e.w() & (q.length - 1);
        switch (e.phase()) {
            case Q -> System.arraycopy(data, 0, q[lw], 0, lanes);
            case K -> score(e, lw, data);
            case V, O -> accumulate(e, lw, data);
            case GAP -> throw new IllegalStateException("gap cycles do not reach the x stage");
        }
        if (e.rowLast()) {
            writeBack(e);
        }
    }

    private void score(AttnEvent e, int lw, int[] data) {
        if (e.w() == 0) {
            dot.clear();
        }
        for (int i = 0; i < lanes; i++) {
            if (laneValid(e.w(), i)) {
                dot.add((long) q[lw][i] * data[i]);
            }
        }
        if (e.lastWord()) {
            int s = dot.roundShiftSat32(16);
            boolean m = AttnArith.masked(causal, e.j(), 0, e.lim());
            scores[e.j()] = s;
            masked[e.j()] = m;
            if (!m) {
                tmax = Math.max(tmax, s);
            }
        }
    }

    private void accumulate(AttnEvent e, int lw, int[] data) {
        if (!mKnown) {
            mNew = Math.max(mOld, tmax);
            alpha = AttnArith.weight(mOld, mNew);
            mKnown = true;
        }
        if (e.phase() == Phase.V && e.w() == 0) {
            p = masked[e.j()] ? 0 : AttnArith.weight(scores[e.j()], mNew);
            sumP += p;
        }
        long factor = e.phase() == Phase.V ? p : alpha;
        for (int i = 0; i < lanes; i++) {
            if (laneValid(e.w(), i)) {
                acc[lw * lanes + i].add(e.phase() == Phase.O && first ? 0 : factor * data[i]);
            }
        }
    }

    private void writeBack(AttnEvent e) {
        int l = AttnArith.runningSum(new AttnArith.State(mOld, lOld), alpha, sumP);
        for (int w = 0; w < words; w++) {
            int[] word = new int[lanes];
            for (int i = 0; i < lanes; i++) {
                if (laneValid(w, i)) {
                    int a = acc[(w & (q.length - 1)) * lanes + i].roundShiftSat32(AttnArith.P_FRAC);
                    word[i] = last ? AttnArith.divide(a, l) : a;
                }
            }
            writeAbuf(now + AttnEngine.WRITE_LATENCY + w, e.oRow() + w, word);
        }
        writeSbuf(now + AttnEngine.WRITE_LATENCY, e.sbRow(), mNew);
        writeSbuf(now + AttnEngine.WRITE_LATENCY + 1, e.sbRow() + 1, l);
    }

    private boolean laneValid(int w, int i) {
        return w * lanes + i < headDim;
    }
}
