package dev.accelgen.pe.vector;

import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.attn.AttnConfig;
import dev.accelgen.pe.vector.harness.EngineRun;
import dev.accelgen.pe.vector.harness.FxRandom;
import dev.accelgen.pe.vector.rope.RopeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random instructions for the attention, RoPE, MLGRU and MoE engines whose operands occupy disjoint buffer
 * regions (addresses wrap at the depth, as the engines' do), so that their effect is defined by the arithmetic
 * alone.
 */
final class RandomVecInstrs {
    private RandomVecInstrs() {
    }

    /** Disjoint regions of a buffer of {@code depth} words, from a random start. */
    static final class Layout {
        private final int depth;
        private final long start;
        private long next;

        Layout(Random rng, int depth) {
            this.depth = depth;
            start = rng.nextInt(depth);
            next = start;
        }

        Opnd take(long words) {
            long a = next;
            next += words;
            if (next - start > depth) {
                throw new IllegalStateException("regions of " + (next - start) + " words exceed the depth " + depth);
            }
            return Opnd.imm(a % depth);
        }
    }

    private static int words(int len, int lanes) {
        return (len + lanes - 1) / lanes;
    }

    /** 1..3 key tiles of one attention over the same query, accumulator and SBUF rows. */
    static List<QueuedInstr> attnTiles(Random rng, AttnConfig c) {
        Layout ab = new Layout(rng, 1 << c.vec().abufAddrBits());
        Layout sb = new Layout(rng, 1 << c.vec().sbufAddrBits());
        int headDim = 1 + rng.nextInt(c.maxHeadDim());
        int w = words(headDim, c.lanes());
        int rows = rng.nextInt(8) == 0 ? 0 : 1 + rng.nextInt(3);
        int qStride = w + rng.nextInt(2);
        int oStride = w + rng.nextInt(2);
        Opnd q = ab.take((long) rows * qStride);
        Opnd o = ab.take((long) rows * oStride);
        Opnd sbuf = sb.take(2L * rows);
        boolean causal = rng.nextBoolean();
        int tiles = 1 + rng.nextInt(3);
        List<QueuedInstr> out = new ArrayList<>();
        for (int i = 0; i < tiles; i++) {
            int keys = rng.nextInt(10) == 0 ? 0 : 1 + rng.nextInt(c.maxKeyTile());
            int kStride = w + rng.nextInt(2);
            int vStride = w + rng.nextInt(2);
            Opnd k = ab.take((long) keys * kStride);
            Opnd v = ab.take((long) keys * vStride);
            boolean last = i == tiles - 1 && rng.nextInt(4) != 0;
            out.add(new VecInstr.VAttn(Deps.NONE, i == 0, last, causal, Opnd.imm(rows), headDim, Opnd.imm(keys), q,
                    qStride, k, kStride, v, vStride, o, oStride, sbuf, Opnd.imm(rng.nextInt(10) - 3)));
        }
        return out;
    }

    /** A VATTN with random (possibly overlapping) operands within the engine's limits. */
    static VecInstr.VAttn attn(Random rng, AttnConfig c) {
        int depth = 1 << c.vec().abufAddrBits();
        int headDim = 1 + rng.nextInt(c.maxHeadDim());
        int w = words(headDim, c.lanes());
        int rows = rng.nextInt(8) == 0 ? 0 : 1 + rng.nextInt(3);
        int keys = rng.nextInt(8) == 0 ? 0 : 1 + rng.nextInt(c.maxKeyTile());
        return new VecInstr.VAttn(Deps.NONE, rng.nextBoolean(), rng.nextBoolean(), rng.nextBoolean(), Opnd.imm(rows),
                headDim, Opnd.imm(keys), Opnd.imm(rng.nextInt(depth)), w + rng.nextInt(2), Opnd.imm(rng.nextInt(depth)),
                w + rng.nextInt(2), Opnd.imm(rng.nextInt(depth)), rng.nextInt(3) == 0 ? 0 : w + rng.nextInt(2),
                Opnd.imm(rng.nextInt(depth)), w + rng.nextInt(2), Opnd.imm(rng.nextInt(1 << c.vec().sbufAddrBits())),
                Opnd.imm(rng.nextInt(12) - 4));
    }

    /** A VROPE; {@code disjoint}: its rows, table and destination in separate regions, else anywhere (or in place). */
    static VecInstr.VRope rope(Random rng, RopeConfig c, boolean disjoint) {
        int depth = 1 << c.vec().abufAddrBits();
        int headDim = 2 * (1 + rng.nextInt(c.maxHeadDim() / 2));
        int w = words(headDim, c.lanes());
        int heads = 1 + rng.nextInt(3);
        int rows = rng.nextInt(8) == 0 ? 0 : 1 + rng.nextInt(3);
        int aStride = heads * w + rng.nextInt(2);
        int tStride = w + rng.nextInt(2);
        int dStride = heads * w + rng.nextInt(2);
        Layout ab = new Layout(rng, depth);
        Opnd a = disjoint ? ab.take((long) rows * aStride) : Opnd.imm(rng.nextInt(depth));
        Opnd t = disjoint ? ab.take((long) rows * tStride) : Opnd.imm(rng.nextInt(depth));
        boolean inPlace = !disjoint && rng.nextInt(3) == 0;
        Opnd d = disjoint ? ab.take((long) rows * dStride) : inPlace ? a : Opnd.imm(rng.nextInt(depth));
        return new VecInstr.VRope(Deps.NONE, Opnd.imm(rows), heads * headDim, headDim, a, aStride, t, tStride, d,
                inPlace ? aStride : dStride);
    }

    /** A VMLGRU; {@code disjoint}: rows, state and outputs in separate regions. */
    static VecInstr.VMlgru mlgru(Random rng, VecEngineConfig c, boolean disjoint) {
        int depth = 1 << c.abufAddrBits();
        int len = 1 + rng.nextInt(c.maxRowElems());
        int w = words(len, c.lanes());
        int rows = rng.nextInt(8) == 0 ? 0 : 1 + rng.nextInt(4);
        int aStride = 3 * w + rng.nextInt(2);
        int dStride = w + rng.nextInt(2);
        Layout ab = new Layout(rng, depth);
        Opnd a = disjoint ? ab.take((long) rows * aStride) : Opnd.imm(rng.nextInt(depth));
        Opnd h = disjoint ? ab.take(w) : Opnd.imm(rng.nextInt(depth));
        Opnd d = disjoint ? ab.take((long) rows * dStride) : Opnd.imm(rng.nextInt(depth));
        return new VecInstr.VMlgru(Deps.NONE, Opnd.imm(rows), len, a, aStride, h, d, dStride);
    }

    /**
     * A VTOPK: E and k random, capacity sometimes below the tokens routed; {@code disjoint}: the lists fit the SBUF
     * without wrapping onto each other.
     */
    static VecInstr.VTopK topk(Random rng, VecEngineConfig c, boolean disjoint) {
        int depth = 1 << c.abufAddrBits();
        int sbDepth = 1 << c.sbufAddrBits();
        int experts = 1 + rng.nextInt(disjoint ? 6 : 3 * c.lanes());
        int k = 1 + rng.nextInt(Math.min(experts, 15));
        int rows = rng.nextInt(8) == 0 ? 0 : 1 + rng.nextInt(4);
        int capacity = 1 + rng.nextInt(disjoint ? Math.max(1, (sbDepth / experts - 1) / 2) : 6);
        int w = words(experts, c.lanes());
        return new VecInstr.VTopK(Deps.NONE, Opnd.imm(rows), experts, k, Opnd.imm(rng.nextInt(depth)),
                w + rng.nextInt(2), Opnd.imm(rng.nextInt(sbDepth)), capacity);
    }

    /** Instructions with the SBUF words they need preloaded. */
    record Batch(List<QueuedInstr> instrs, List<EngineRun.Load> loads) {
    }

    /**
     * VSCATTERs over a few expert lists preloaded in disjoint SBUF regions (0..3 entries, gates random Fx).
     * {@code disjoint}: tokens distinct in 0..7 and each instruction's a rows apart from its 8 d rows; otherwise
     * tokens and rows anywhere (tokens repeat, some beyond the ABUF).
     */
    static Batch scatter(Random rng, VecEngineConfig c, int instructions, boolean disjoint) {
        int sbDepth = 1 << c.sbufAddrBits();
        int depth = 1 << c.abufAddrBits();
        List<EngineRun.Load> loads = new ArrayList<>();
        List<Integer> lists = new ArrayList<>();
        for (int base = rng.nextInt(4); base + 7 <= sbDepth; base += 7 + rng.nextInt(3)) {
            int count = rng.nextInt(4);
            lists.add(base);
            loads.add(sb(base, count));
            List<Integer> tokens = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7));
            java.util.Collections.shuffle(tokens, rng);
            for (int i = 0; i < 3; i++) {
                int token = disjoint ? tokens.get(i) : rng.nextInt(8) == 0 ? rng.nextInt() : rng.nextInt(4);
                loads.add(sb(base + 1 + 2 * i, token));
                loads.add(sb(base + 2 + 2 * i, FxRandom.value(rng)));
            }
        }
        List<QueuedInstr> out = new ArrayList<>();
        for (int n = 0; n < instructions; n++) {
            int len = 1 + rng.nextInt(3 * c.lanes());
            int w = words(len, c.lanes());
            int aStride = w + rng.nextInt(2);
            int dStride = w + rng.nextInt(2);
            Layout ab = new Layout(rng, depth);
            Opnd a = disjoint ? ab.take(3L * aStride) : Opnd.imm(rng.nextInt(depth));
            Opnd d = disjoint ? ab.take(8L * dStride) : Opnd.imm(rng.nextInt(depth));
            out.add(new VecInstr.VScatter(Deps.NONE, len, a, aStride, d, dStride,
                    Opnd.imm(lists.get(rng.nextInt(lists.size())))));
        }
        return new Batch(out, loads);
    }

    private static EngineRun.Load sb(int addr, int value) {
        return new EngineRun.Load(EngineRun.SBUF, addr, new int[] {value});
    }

    /**
     * A row-wise instruction of the element-wise, activation, norm, row-scale or softmax engines with its rows,
     * broadcast rows and destination in disjoint regions.
     */
    static QueuedInstr rowOp(Random rng, VecEngineConfig c, dev.accelgen.pe.accel.isa.Opcode op) {
        int len = 1 + rng.nextInt(op == dev.accelgen.pe.accel.isa.Opcode.VBINARY ? 3 * c.lanes() : c.maxRowElems());
        int w = words(len, c.lanes());
        long rows = rng.nextInt(8) == 0 ? 0 : 1 + rng.nextInt(4);
        int aStride = w + rng.nextInt(2);
        int dStride = w + rng.nextInt(2);
        Layout ab = new Layout(rng, 1 << c.abufAddrBits());
        Opnd a = ab.take(rows * aStride);
        Opnd d = ab.take(rows * dStride);
        Opnd n = Opnd.imm(rows);
        long eps = rng.nextBoolean() ? rng.nextInt(1 << 20) : rng.nextInt() & 0xFFFFFFFFL;
        return switch (op) {
            case VBINARY -> {
                int bStride = rng.nextInt(3) == 0 ? 0 : w + rng.nextInt(2);
                Opnd b = ab.take(bStride == 0 ? w : rows * bStride);
                yield new VecInstr.VBinary(Deps.NONE, VecInstr.BinOp.values()[rng.nextInt(3)], n, len, a, aStride, b,
                        bStride, d, dStride);
            }
            case VAFFINE -> new VecInstr.VAffine(Deps.NONE, n, len, a, aStride, d, dStride, FxRandom.value(rng),
                    FxRandom.value(rng));
            case VCOPY -> new VecInstr.VCopy(Deps.NONE, n, len, a, aStride, d, dStride);
            case VACT -> new VecInstr.VAct(Deps.NONE, VecInstr.ActFn.values()[rng.nextInt(6)], n, len, a, aStride, d,
                    dStride);
            case VRMSNORM -> new VecInstr.VRmsNorm(Deps.NONE, n, len, a, aStride, d, dStride, rng.nextBoolean(),
                    ab.take(w), eps);
            case VLAYERNORM -> new VecInstr.VLayerNorm(Deps.NONE, n, len, a, aStride, d, dStride, rng.nextBoolean(),
                    ab.take(w), rng.nextBoolean(), ab.take(w), eps);
            case VROWSCALE -> new VecInstr.VRowScale(Deps.NONE, n, len, a, aStride,
                    new Layout(rng, 1 << c.sbufAddrBits()).take(2 * rows), 1 + rng.nextInt(1 << 24), rng.nextInt(64));
            case VSOFTMAX -> new VecInstr.VSoftmax(Deps.NONE, n, len, a, aStride, d, dStride);
            default -> throw new IllegalArgumentException(op + " is not a row-wise instruction");
        };
    }

    /** A VSOFTMAX with random (possibly overlapping) operands. */
    static VecInstr.VSoftmax softmax(Random rng, VecEngineConfig c) {
        int depth = 1 << c.abufAddrBits();
        int len = 1 + rng.nextInt(c.maxRowElems());
        int w = words(len, c.lanes());
        int rows = rng.nextInt(8) == 0 ? 0 : 1 + rng.nextInt(4);
        Opnd a = Opnd.imm(rng.nextInt(depth));
        boolean inPlace = rng.nextInt(3) == 0;
        return new VecInstr.VSoftmax(Deps.NONE, Opnd.imm(rows), len, a, w + rng.nextInt(2),
                inPlace ? a : Opnd.imm(rng.nextInt(depth)), w + rng.nextInt(2));
    }
}
