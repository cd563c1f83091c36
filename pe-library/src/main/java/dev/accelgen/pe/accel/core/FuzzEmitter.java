package dev.accelgen.pe.accel.core;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.isa.ControlInstr;
import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Instr;
import dev.accelgen.pe.accel.isa.Ld;
import dev.accelgen.pe.accel.isa.Mm;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.isa.St;
import dev.accelgen.pe.accel.isa.Sync;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.accel.matrix.UnitShape;
import dev.accelgen.pe.accel.matrix.WeightTiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Emits the fuzzer's instructions: one draw per kind, straight-line segments and counted loops. */
final class FuzzEmitter {
    private enum Kind { LD, LD_INDIRECT, LD_WBUF, ST, SYNC, VEC, MM, LI, ALU, NOP }

    private final HwConfig hw;
    private final FuzzLayout l;
    private final Random rng;
    private final List<byte[]> images;
    private final boolean stores;
    private final boolean identityIndices;
    private final FuzzOperands ops;
    private final List<Instr> out = new ArrayList<>();
    private final List<Opcode> vectorOps = new ArrayList<>();
    private TokenLedger ledger = new TokenLedger();

    FuzzEmitter(HwConfig hw, FuzzLayout l, Random rng, List<byte[]> images, boolean stores, boolean identityIndices) {
        this.hw = hw;
        this.l = l;
        this.rng = rng;
        this.images = images;
        this.stores = stores;
        this.identityIndices = identityIndices;
        this.ops = new FuzzOperands(rng, l.r1());
        for (Opcode o : new Opcode[] {Opcode.VBINARY, Opcode.VAFFINE, Opcode.VCOPY, Opcode.VACT, Opcode.VRMSNORM,
            Opcode.VLAYERNORM, Opcode.VROWSCALE}) {
            if (hw.supports(o)) {
                vectorOps.add(o);
            }
        }
    }

    int size() {
        return out.size();
    }

    List<Instr> instrs() {
        return out;
    }

    void add(Instr i) {
        out.add(i);
    }

    void straight(int n) {
        for (int i = 0; i < n; i++) {
            out.add(draw());
        }
    }

    /** A do-while loop of {@code body} instructions run r4 (1..MAX_TRIPS) times. */
    void loop(int body) {
        long byteStep = (long) hw.portBytes() * (1 + rng.nextInt(2));
        int wordStep = 1 + rng.nextInt(2);
        for (int r = 8; r <= 10; r++) {
            out.add(new ControlInstr.Li(r, 0));
        }
        ops.enterLoop(byteStep, wordStep);
        TokenLedger outer = ledger;
        ledger = new TokenLedger();
        int start = out.size();
        straight(body);
        out.add(new ControlInstr.Alu(ControlInstr.AluOp.ADD, FuzzOperands.BYTE_REG, FuzzOperands.BYTE_REG, Opnd.imm(byteStep)));
        out.add(new ControlInstr.Alu(ControlInstr.AluOp.ADD, FuzzOperands.WORD_REG, FuzzOperands.WORD_REG, Opnd.imm(wordStep)));
        out.add(new ControlInstr.Alu(ControlInstr.AluOp.ADD, 8, 8, Opnd.imm(1)));
        out.add(new ControlInstr.Branch(ControlInstr.Cond.LT, 8, 4, start));
        outer.absorb(ledger, 1);
        ledger = outer;
        ops.leaveLoop();
    }

    private Instr draw() {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.LD, Kind.LD, Kind.LD, Kind.LD_INDIRECT, Kind.LD_WBUF, Kind.SYNC,
                Kind.LI, Kind.ALU, Kind.NOP));
        if (stores) {
            kinds.addAll(List.of(Kind.ST, Kind.ST));
        }
        if (!vectorOps.isEmpty()) {
            kinds.addAll(List.of(Kind.VEC, Kind.VEC, Kind.VEC));
        }
        if (!hw.matrixUnits().isEmpty()) {
            kinds.addAll(List.of(Kind.MM, Kind.MM, Kind.MM));
        }
        return switch (kinds.get(rng.nextInt(kinds.size()))) {
            case LD -> loadAbuf();
            case LD_INDIRECT -> loadIndirect();
            case LD_WBUF -> loadWbuf();
            case ST -> store();
            case SYNC -> sync();
            case VEC -> vector();
            case MM -> matrix();
            case LI -> li();
            case ALU -> alu();
            case NOP -> new ControlInstr.Nop();
        };
    }

    /** A row count: 0..3, sometimes r4 (the trip count, 1..3). */
    private Opnd rows() {
        return rng.nextInt(4) == 0 ? Opnd.reg(4) : Opnd.imm(rng.nextInt(4));
    }

    /** A word base for an extent of {@code extent} words in a buffer of {@code depth}, and its operand. */
    private Opnd wordOperand(int depth, int extent) {
        int slack = ops.wordSlack();
        boolean room = depth - extent - slack > 0;
        int limit = room ? depth - extent - slack : depth - extent;
        return ops.words(rng.nextInt(Math.max(1, limit + 1)), room);
    }

    private Opnd byteOperand(long lo, long hi, long extent) {
        long slack = ops.byteSlack();
        boolean room = hi - lo - extent - slack >= 0;
        return ops.bytes(l.aligned(rng, lo, room ? hi - slack : hi, extent), room);
    }

    private Ld loadAbuf() {
        int rowBytes = 1 + rng.nextInt(l.maxRowBytes());
        int words = (rowBytes + l.wordBytes() - 1) / l.wordBytes();
        int dstStride = words + rng.nextInt(2);
        long srcStride = l.alignUp(rowBytes) + (long) hw.portBytes() * rng.nextInt(2);
        return new Ld(ledger.draw(Queue.LOAD, rng), Ld.LdTarget.ABUF, Ld.LdMode.LINEAR, rng.nextInt(hw.ports()),
                byteOperand(FuzzLayout.DATA, FuzzLayout.IMAGE, 3 * srcStride + rowBytes),
                wordOperand(hw.abufWords(), 3 * dstStride + words), rows(), rowBytes, srcStride, dstStride, Opnd.imm(0));
    }

    private Ld loadIndirect() {
        int port = rng.nextInt(hw.ports());
        int rowBytes = 1 + rng.nextInt(l.maxRowBytes());
        int words = (rowBytes + l.wordBytes() - 1) / l.wordBytes();
        long srcStride = l.alignUp(rowBytes) * (1 + rng.nextInt(2));
        int maxIdx = 4;
        long src = l.aligned(rng, FuzzLayout.DATA, FuzzLayout.IMAGE, maxIdx * srcStride + rowBytes);
        long index = FuzzLayout.DATA + 4L * rng.nextInt((FuzzLayout.STORE - FuzzLayout.DATA) / 4 - 8);
        for (int r = 0; r < 4; r++) {
            int idx = identityIndices ? r : rng.nextInt(maxIdx);
            for (int k = 0; k < 4; k++) {
                images.get(port)[(int) index + 4 * r + k] = (byte) (k == 0 ? idx : 0);
            }
        }
        int dstStride = words + rng.nextInt(2);
        return new Ld(ledger.draw(Queue.LOAD, rng), Ld.LdTarget.ABUF, Ld.LdMode.INDIRECT, port, ops.plain(src, 32),
                wordOperand(hw.abufWords(), 3 * dstStride + words), rows(), rowBytes, srcStride, dstStride,
                ops.plain(index, 32));
    }

    private Ld loadWbuf() {
        int rows = rng.nextInt(5);
        return new Ld(ledger.draw(Queue.LOAD, rng), rng.nextBoolean() ? Ld.LdTarget.WBUF0 : Ld.LdTarget.WBUF1,
                Ld.LdMode.LINEAR, 0, byteOperand(FuzzLayout.DATA, FuzzLayout.IMAGE, (long) rows * hw.portBytes()),
                wordOperand(hw.wbufWords(), rows), Opnd.imm(rows), 0, 0, 0, Opnd.imm(0));
    }

    private St store() {
        int rowBytes = 1 + rng.nextInt(l.maxRowBytes());
        int words = (rowBytes + l.wordBytes() - 1) / l.wordBytes();
        int srcStride = words + rng.nextInt(2);
        long dstStride = l.alignUp(rowBytes) + (long) hw.portBytes() * rng.nextInt(2);
        return new St(ledger.draw(Queue.STORE, rng), rng.nextInt(hw.ports()),
                wordOperand(hw.abufWords(), 3 * srcStride + words),
                byteOperand(FuzzLayout.STORE, FuzzLayout.IMAGE, 3 * dstStride + rowBytes), rows(), rowBytes, srcStride,
                dstStride);
    }

    private Sync sync() {
        Queue q = Queue.values()[rng.nextInt(3)];
        return new Sync(ledger.draw(q, rng), q);
    }

    private VecInstr vector() {
        Opcode op = vectorOps.get(rng.nextInt(vectorOps.size()));
        int len = 1 + rng.nextInt(hw.maxRowElems());
        int words = (len + hw.lanes() - 1) / hw.lanes();
        int aStride = words + rng.nextInt(2);
        int dStride = words + rng.nextInt(2);
        Deps deps = ledger.draw(Queue.COMPUTE, rng);
        Opnd rows = rows();
        Opnd a = wordOperand(hw.abufWords(), 3 * aStride + words);
        Opnd d = wordOperand(hw.abufWords(), 3 * dStride + words);
        return switch (op) {
            case VBINARY -> {
                int bStride = rng.nextInt(3) == 0 ? 0 : words + rng.nextInt(2);
                yield new VecInstr.VBinary(deps, VecInstr.BinOp.values()[rng.nextInt(3)], rows, len, a, aStride,
                        wordOperand(hw.abufWords(), 3 * bStride + words), bStride, d, dStride);
            }
            case VAFFINE -> new VecInstr.VAffine(deps, rows, len, a, aStride, d, dStride, rng.nextInt(), rng.nextInt());
            case VACT -> new VecInstr.VAct(deps, VecInstr.ActFn.values()[rng.nextInt(VecInstr.ActFn.values().length)],
                    rows, len, a, aStride, d, dStride);
            case VRMSNORM -> new VecInstr.VRmsNorm(deps, rows, len, a, aStride, d, dStride, rng.nextBoolean(),
                    wordOperand(hw.abufWords(), words), eps());
            case VLAYERNORM -> new VecInstr.VLayerNorm(deps, rows, len, a, aStride, d, dStride, rng.nextBoolean(),
                    wordOperand(hw.abufWords(), words), rng.nextBoolean(), wordOperand(hw.abufWords(), words), eps());
            case VROWSCALE -> new VecInstr.VRowScale(deps, rows, len, a, aStride,
                    Opnd.imm(hw.sbufWords() / 2 + rng.nextInt(hw.sbufWords() / 2 - 5)), rng.nextInt(1 << 24),
                    rng.nextInt(64));
            default -> new VecInstr.VCopy(deps, rows, len, a, aStride, d, dStride);
        };
    }

    /** A norm's epsilon in units of 2^-32: tiny, typical, or any. */
    private long eps() {
        return switch (rng.nextInt(3)) {
            case 0 -> rng.nextInt(16);
            case 1 -> 1L << (12 + rng.nextInt(12));
            default -> rng.nextLong() & 0xFFFF_FFFFL;
        };
    }

    /**
     * An MM on a random unit over whatever WBUF, ABUF and SBUF hold (every bit pattern of these units' tiles is a
     * valid weight). VROWSCALE writes only SBUF's upper half; a gathering MM reads its token list from the lower
     * half, which nothing writes (its count stays 0), so gathers stay short.
     */
    private Mm matrix() {
        int unit = rng.nextInt(hw.matrixUnits().size());
        MatrixUnitSpec spec = hw.matrixUnits().get(unit);
        boolean sparse = UnitShape.of(spec).sparseCapable() && rng.nextBoolean();
        int v = hw.lanes();
        int k = 1 + rng.nextInt(Math.min(hw.maxRowElems(), 3 * v));
        int n = 1 + rng.nextInt(Math.min(hw.maxRowElems(), 3 * v));
        int words = WeightTiles.words(spec, k, n, sparse);
        while (words > hw.wbufWords()) {
            k = Math.max(1, k / 2);
            n = Math.max(1, n / 2);
            words = WeightTiles.words(spec, k, n, sparse);
        }
        int kw = (k + v - 1) / v;
        int nw = (n + v - 1) / v;
        boolean gather = rng.nextInt(5) == 0;
        boolean rowScale = !gather && rng.nextInt(4) == 0;
        int actStride = kw + rng.nextInt(2);
        int outStride = nw + rng.nextInt(2);
        long q = rng.nextInt(1 << 24);
        return new Mm(ledger.draw(Queue.COMPUTE, rng), unit, rng.nextBoolean(), rng.nextBoolean(), rowScale, gather,
                rng.nextBoolean(), sparse, rows(), k, n, wordOperand(hw.abufWords(), 3 * actStride + kw), actStride,
                rng.nextInt(2), rng.nextInt(hw.wbufWords() - words + 1), wordOperand(hw.abufWords(), 3 * outStride + nw),
                outStride, wordOperand(hw.abufWords(), 2 * nw), q, rng.nextInt(40), rng.nextInt(4) == 0 ? rng.nextInt(64)
                        : 8 + rng.nextInt(24), Opnd.imm(gather ? rng.nextInt(hw.sbufWords() / 2)
                        : rng.nextInt(hw.sbufWords() - 6)));
    }

    private Instr li() {
        int rd = 11 + rng.nextInt(5);
        long v = rng.nextBoolean() ? rng.nextInt(4096) : rng.nextInt();
        ops.set(rd, v >= 0 ? v : null);
        return new ControlInstr.Li(rd, v);
    }

    private Instr alu() {
        int rd = 12 + rng.nextInt(4);
        ops.set(rd, null);
        ControlInstr.AluOp op = ControlInstr.AluOp.values()[rng.nextInt(ControlInstr.AluOp.values().length)];
        return new ControlInstr.Alu(op, rd, rng.nextInt(16), new Opnd(rng.nextInt(16), rng.nextInt()));
    }
}
