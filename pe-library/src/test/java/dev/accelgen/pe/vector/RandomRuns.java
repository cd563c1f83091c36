package dev.accelgen.pe.vector;

import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.VecInstr;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.harness.EngineRun;
import dev.accelgen.pe.vector.harness.FxRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Random engine runs: every ABUF and SBUF word preloaded with random Fx, then random instructions. */
final class RandomRuns {
    private RandomRuns() {
    }

    static EngineRun run(Random rng, VecEngineConfig c, int instructions, Function<Random, QueuedInstr> instr) {
        return run(rng, c.geometry(), instructions, instr);
    }

    /** Every ABUF and SBUF word preloaded with random Fx, then {@code instructions} drawn, a few after idle cycles. */
    static EngineRun run(Random rng, EngineGeometry g, int instructions, Function<Random, QueuedInstr> instr) {
        List<EngineRun.Load> loads = randomLoads(rng, g);
        List<EngineRun.Issue> issues = new ArrayList<>();
        for (int i = 0; i < instructions; i++) {
            issues.add(new EngineRun.Issue(instr.apply(rng), rng.nextInt(4) == 0 ? rng.nextInt(4) : 0));
        }
        return new EngineRun(loads, issues);
    }

    /** Random preloads, then {@code extra} preloads, then the given instructions, a few after idle cycles. */
    static EngineRun run(Random rng, EngineGeometry g, List<QueuedInstr> instrs, List<EngineRun.Load> extra) {
        List<EngineRun.Load> loads = randomLoads(rng, g);
        loads.addAll(extra);
        List<EngineRun.Issue> issues = new ArrayList<>();
        for (QueuedInstr i : instrs) {
            issues.add(new EngineRun.Issue(i, rng.nextInt(4) == 0 ? rng.nextInt(4) : 0));
        }
        return new EngineRun(loads, issues);
    }

    private static List<EngineRun.Load> randomLoads(Random rng, EngineGeometry g) {
        List<EngineRun.Load> loads = new ArrayList<>();
        for (int a = 0; a < 1 << g.abufAddrBits(); a++) {
            loads.add(new EngineRun.Load(EngineRun.ABUF, a, FxRandom.word(rng, g.lanes())));
        }
        for (int a = 0; a < 1 << g.sbufAddrBits(); a++) {
            loads.add(new EngineRun.Load(EngineRun.SBUF, a, new int[] {FxRandom.value(rng)}));
        }
        return loads;
    }

    /** Random row geometry within the buffers (addresses wrap at the ABUF depth, as the engines do). */
    record Rows(Opnd rows, int len, Opnd a, int aStride, Opnd b, int bStride, Opnd d, int dStride) {
        static Rows random(Random rng, VecEngineConfig c, int maxLen) {
            int depth = 1 << c.abufAddrBits();
            int len = 1 + rng.nextInt(maxLen);
            int words = (len + c.lanes() - 1) / c.lanes();
            int rows = rng.nextInt(8) == 0 ? 0 : 1 + rng.nextInt(4);
            return new Rows(Opnd.imm(rows), len, Opnd.imm(rng.nextInt(depth)), words + rng.nextInt(3),
                    Opnd.imm(rng.nextInt(depth)), rng.nextInt(3) == 0 ? 0 : words + rng.nextInt(3),
                    Opnd.imm(rng.nextInt(depth)), words + rng.nextInt(3));
        }
    }

    static VecInstr.VBinary vbinary(Random rng, VecEngineConfig c) {
        Rows r = Rows.random(rng, c, 3 * c.lanes() + 2);
        VecInstr.BinOp op = VecInstr.BinOp.values()[rng.nextInt(3)];
        return new VecInstr.VBinary(Deps.NONE, op, r.rows(), r.len(), r.a(), r.aStride(), r.b(), r.bStride(), r.d(),
                r.dStride());
    }

    static VecInstr.VAffine vaffine(Random rng, VecEngineConfig c) {
        Rows r = Rows.random(rng, c, 3 * c.lanes() + 2);
        return new VecInstr.VAffine(Deps.NONE, r.rows(), r.len(), r.a(), r.aStride(), r.d(), r.dStride(),
                FxRandom.value(rng), FxRandom.value(rng));
    }

    static VecInstr.VCopy vcopy(Random rng, VecEngineConfig c) {
        Rows r = Rows.random(rng, c, 3 * c.lanes() + 2);
        return new VecInstr.VCopy(Deps.NONE, r.rows(), r.len(), r.a(), r.aStride(), r.d(), r.dStride());
    }

    static VecInstr.VAct vact(Random rng, VecEngineConfig c) {
        Rows r = Rows.random(rng, c, 3 * c.lanes() + 2);
        return new VecInstr.VAct(Deps.NONE, VecInstr.ActFn.values()[rng.nextInt(6)], r.rows(), r.len(), r.a(),
                r.aStride(), r.d(), r.dStride());
    }

    static VecInstr.VRowScale vrowscale(Random rng, VecEngineConfig c) {
        Rows r = Rows.random(rng, c, 3 * c.lanes() + 2);
        long mant = rng.nextBoolean() ? 1 + rng.nextInt(1 << 24) : (1 << 23) + rng.nextInt(1 << 23);
        return new VecInstr.VRowScale(Deps.NONE, r.rows(), r.len(), r.a(), r.aStride(),
                Opnd.imm(rng.nextInt(1 << c.sbufAddrBits())), mant, rng.nextInt(64));
    }

    /** Norms: gain/bias rows at most maxRowElems long. */
    static VecInstr vnorm(Random rng, VecEngineConfig c) {
        Rows r = Rows.random(rng, c, c.maxRowElems());
        int depth = 1 << c.abufAddrBits();
        long eps = rng.nextBoolean() ? rng.nextInt(1 << 20) : rng.nextInt() & 0xFFFFFFFFL;
        Opnd gain = Opnd.imm(rng.nextInt(depth));
        if (rng.nextBoolean()) {
            return new VecInstr.VRmsNorm(Deps.NONE, r.rows(), r.len(), r.a(), r.aStride(), r.d(), r.dStride(),
                    rng.nextBoolean(), gain, eps);
        }
        return new VecInstr.VLayerNorm(Deps.NONE, r.rows(), r.len(), r.a(), r.aStride(), r.d(), r.dStride(),
                rng.nextBoolean(), gain, rng.nextBoolean(), Opnd.imm(rng.nextInt(depth)), eps);
    }

    /** A seed from {@code -Daccelgen.seed} or the default. */
    static long seed(long fallback) {
        String s = System.getProperty("accelgen.seed");
        return s == null || s.isEmpty() ? fallback : Long.parseLong(s);
    }
}
