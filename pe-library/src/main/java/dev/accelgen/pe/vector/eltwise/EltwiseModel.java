package dev.accelgen.pe.vector.eltwise;

import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.VecEngineConfig;
import dev.accelgen.pe.vector.VecEngineModel;
import dev.accelgen.pe.vector.arith.EltwiseArith;
import dev.accelgen.pe.vector.seq.SeqPlan;
import dev.accelgen.pe.vector.seq.Tag;

/** Cycle model of {@link EltwiseEngine} (VBINARY, VAFFINE, VCOPY). */
public final class EltwiseModel extends VecEngineModel {
    enum Op { COPY, ADD, SUB, MUL, AFFINE }

    private final int lanes;
    private final int[][] local;
    private final int[] localQ;
    private final int[] hold;
    private Op op = Op.COPY;
    private boolean dual;
    private int mul;
    private int add;
    private boolean s1Valid;
    private int s1Addr;
    private final int[] s1;
    private boolean wrEn;
    private int wrAddr;
    private final int[] wr;

    public EltwiseModel(VecEngineConfig cfg) {
        super(cfg);
        lanes = cfg.lanes();
        local = new int[1 << cfg.localAddrBits()][lanes];
        localQ = new int[lanes];
        hold = new int[lanes];
        s1 = new int[lanes];
        wr = new int[lanes];
    }

    @Override
    public boolean handles(QueuedInstr i) {
        return EltwiseEngine.OPS.contains(i.opcode());
    }

    @Override
    protected void driveWrites() {
        ab.wrEn = wrEn;
        ab.wrAddr = wrAddr;
        System.arraycopy(wr, 0, ab.wrData, 0, lanes);
    }

    @Override
    protected boolean pipelineBusy() {
        return s1Valid || wrEn;
    }

    @Override
    protected void step(boolean valid, Tag tag, int[] data, Tag issuing) {
        wrEn = s1Valid;
        if (s1Valid) {
            wrAddr = s1Addr;
            System.arraycopy(s1, 0, wr, 0, lanes);
        }
        boolean fire = valid && !tag.pro() && (!dual || tag.slot());
        s1Valid = fire;
        if (fire) {
            s1Addr = tag.dAddr();
            for (int i = 0; i < lanes; i++) {
                int a = dual ? hold[i] : data[i];
                int b = dual ? data[i] : localQ[i];
                s1[i] = seq.laneValid(tag.w(), i) ? apply(a, b) : 0;
            }
        }
        if (valid && !tag.pro() && dual && !tag.slot()) {
            System.arraycopy(data, 0, hold, 0, lanes);
        }
        if (issuing != null && !issuing.pro()) {
            System.arraycopy(local[issuing.w() & (local.length - 1)], 0, localQ, 0, lanes);
        }
        if (valid && tag.pro()) {
            System.arraycopy(data, 0, local[tag.w() & (local.length - 1)], 0, lanes);
        }
    }

    private int apply(int a, int b) {
        return switch (op) {
            case COPY -> a;
            case ADD -> EltwiseArith.add(a, b);
            case SUB -> EltwiseArith.sub(a, b);
            case MUL -> EltwiseArith.mul(a, b);
            case AFFINE -> EltwiseArith.affine(a, mul, add);
        };
    }

    @Override
    protected SeqPlan start(QueuedInstr instr) {
        int[] noGaps = {0, 0, 0};
        if (instr instanceof VecInstr.VBinary v) {
            op = switch (v.op()) {
                case ADD -> Op.ADD;
                case SUB -> Op.SUB;
                case MUL -> Op.MUL;
            };
            dual = v.bStride() != 0;
            return new SeqPlan(rows(v.rows()), v.len(), val(v.a()), v.aStride(), val(v.b()), v.bStride(), val(v.d()),
                    v.dStride(), dual, 1, noGaps, dual ? 0 : 1, val(v.b()), 0);
        }
        dual = false;
        if (instr instanceof VecInstr.VAffine v) {
            op = Op.AFFINE;
            mul = (int) v.mul();
            add = (int) v.add();
            return new SeqPlan(rows(v.rows()), v.len(), val(v.a()), v.aStride(), 0, 0, val(v.d()), v.dStride(), false,
                    1, noGaps, 0, 0, 0);
        }
        if (instr instanceof VecInstr.VCopy v) {
            op = Op.COPY;
            return new SeqPlan(rows(v.rows()), v.len(), val(v.a()), v.aStride(), 0, 0, val(v.d()), v.dStride(), false,
                    1, noGaps, 0, 0, 0);
        }
        throw new IllegalArgumentException("the element-wise engine does not execute " + Opcode.of(instr.getClass()));
    }
}
