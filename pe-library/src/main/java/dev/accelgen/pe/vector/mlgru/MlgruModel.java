package dev.accelgen.pe.vector.mlgru;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.ReadSeqModel;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.arith.MlgruFxArith;

/**
 * Cycle model of {@link MlgruEngine}: the state row in a local row; a g word at the x stage in cycle X completes
 * its word ({@link MlgruFxArith#step} per lane), written to d in X + 5; after the last row the state row is
 * written back to h, word w in X + 6 + w.
 */
public final class MlgruModel extends ReadSeqModel<MlgruSeq.Event> {
    private final MlgruSeq seq;
    private final int[][] h;
    private final int[] f;
    private final int[] c;
    private int len;
    private int words;
    private long hBase;

    public MlgruModel(VecEngineConfig cfg) {
        this(cfg, new MlgruSeq(cfg));
    }

    private MlgruModel(VecEngineConfig cfg, MlgruSeq seq) {
        super(cfg, seq);
        this.seq = seq;
        h = new int[1 << cfg.localAddrBits()][lanes];
        f = new int[lanes];
        c = new int[lanes];
    }

    @Override
    public boolean handles(QueuedInstr i) {
        return i instanceof VecInstr.VMlgru;
    }

    @Override
    protected void start(QueuedInstr instr) {
        VecInstr.VMlgru v = (VecInstr.VMlgru) instr;
        len = v.len();
        words = (len + lanes - 1) / lanes;
        hBase = v.h().value();
        seq.start(v);
    }

    @Override
    protected void process(MlgruSeq.Event e, int[] data) {
        int[] state = h[e.w() & (h.length - 1)];
        if (e.pro()) {
            System.arraycopy(data, 0, state, 0, lanes);
            return;
        }
        if (e.slot() < 2) {
            System.arraycopy(data, 0, e.slot() == 0 ? f : c, 0, lanes);
            return;
        }
        int[] d = new int[lanes];
        for (int i = 0; i < lanes; i++) {
            MlgruFxArith.Step s = MlgruFxArith.step(f[i], c[i], data[i], state[i]);
            state[i] = s.h();
            d[i] = valid(e.w(), i) ? s.o() : 0;
        }
        writeAbuf(now + MlgruEngine.WRITE_LATENCY, e.dAddr(), d);
        if (e.lastWord() && e.lastRow()) {
            for (int w = 0; w < words; w++) {
                int[] word = new int[lanes];
                for (int i = 0; i < lanes; i++) {
                    word[i] = valid(w, i) ? h[w & (h.length - 1)][i] : 0;
                }
                writeAbuf(now + MlgruEngine.WRITE_LATENCY + 1 + w, hBase + w, word);
            }
        }
    }

    private boolean valid(int w, int i) {
        return w * lanes + i < len;
    }
}
