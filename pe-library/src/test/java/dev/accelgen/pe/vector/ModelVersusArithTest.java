package dev.accelgen.pe.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.vector.act.ActModel;
import dev.accelgen.pe.vector.attn.AttnConfig;
import dev.accelgen.pe.vector.attn.AttnModel;
import dev.accelgen.pe.vector.eltwise.EltwiseModel;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.engine.EngineModel;
import dev.accelgen.pe.vector.harness.EngineBench;
import dev.accelgen.pe.vector.harness.EngineRun;
import dev.accelgen.pe.vector.mlgru.MlgruModel;
import dev.accelgen.pe.vector.moe.ScatterModel;
import dev.accelgen.pe.vector.moe.TopKModel;
import dev.accelgen.pe.vector.norm.NormModel;
import dev.accelgen.pe.vector.rope.RopeConfig;
import dev.accelgen.pe.vector.rope.RopeModel;
import dev.accelgen.pe.vector.rowscale.RowScaleModel;
import dev.accelgen.pe.vector.softmax.SoftmaxModel;
import dev.accelgen.sim.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every vector engine's Java model against the arithmetic the compiler's interpreter uses: random instructions
 * whose sources and destinations do not overlap, run through the model's bench; the buffers it leaves must equal
 * {@link ArithReference} applied instruction by instruction.
 */
class ModelVersusArithTest {
    private static final VecEngineConfig V4 = new VecEngineConfig(4, 16, 8, 6);
    private static final VecEngineConfig V8 = new VecEngineConfig(8, 32, 9, 7);

    private static void check(String name, EngineGeometry g, Supplier<EngineModel> model, long seed, int count,
                              Function<Random, List<QueuedInstr>> draw) {
        check(name, g, model, seed, rng -> {
            List<QueuedInstr> instrs = new ArrayList<>();
            while (instrs.size() < count) {
                instrs.addAll(draw.apply(rng));
            }
            return new RandomVecInstrs.Batch(instrs, List.of());
        });
    }

    private static void check(String name, EngineGeometry g, Supplier<EngineModel> model, long seed,
                              Function<Random, RandomVecInstrs.Batch> batch) {
        Random rng = new Random(seed);
        RandomVecInstrs.Batch b = batch.apply(rng);
        EngineRun run = RandomRuns.run(rng, g, b.instrs(), b.loads());
        Trace t = new EngineBench(g, model, run).run(null);
        BufferImage got = new BufferImage(g, run);
        got.replay(t);
        BufferImage want = new BufferImage(g, run);
        for (EngineRun.Issue i : run.issues()) {
            ArithReference.apply(i.instr(), want);
        }
        for (int a = 0; a < want.abuf.length; a++) {
            assertArrayEquals(want.abuf[a], got.abuf[a], name + " seed " + seed + ": ABUF word " + a);
        }
        assertArrayEquals(want.sbuf, got.sbuf, name + " seed " + seed + ": SBUF");
    }

    @Test
    void attention() {
        long seed = RandomRuns.seed(21);
        for (VecEngineConfig v : List.of(V4, V8)) {
            AttnConfig c = new AttnConfig(v, 3 * v.lanes() - 1, 9);
            check("VATTN", v.geometry(), () -> new AttnModel(c), seed, 30, r -> RandomVecInstrs.attnTiles(r, c));
        }
    }

    @Test
    void rope() {
        long seed = RandomRuns.seed(22);
        for (VecEngineConfig v : List.of(V4, V8)) {
            RopeConfig c = new RopeConfig(v, 2 * v.lanes() + 4);
            check("VROPE", v.geometry(), () -> new RopeModel(c), seed, 30, r -> List.of(RandomVecInstrs.rope(r, c, true)));
        }
    }

    @Test
    void mlgru() {
        long seed = RandomRuns.seed(23);
        for (VecEngineConfig v : List.of(V4, V8)) {
            check("VMLGRU", v.geometry(), () -> new MlgruModel(v), seed, 30, r -> List.of(RandomVecInstrs.mlgru(r, v, true)));
        }
    }

    @Test
    void topk() {
        long seed = RandomRuns.seed(24);
        for (VecEngineConfig v : List.of(V4, V8)) {
            check("VTOPK", v.geometry(), () -> new TopKModel(v), seed, 30, r -> List.of(RandomVecInstrs.topk(r, v, true)));
        }
    }

    @Test
    void scatter() {
        long seed = RandomRuns.seed(25);
        for (VecEngineConfig v : List.of(V4, V8)) {
            check("VSCATTER", v.geometry(), () -> new ScatterModel(v), seed, r -> RandomVecInstrs.scatter(r, v, 30, true));
        }
    }

    private static void rowOps(String name, Supplier<EngineModel> model, VecEngineConfig v, long seed, Opcode... ops) {
        check(name, v.geometry(), model, seed, 30, r -> List.of(RandomVecInstrs.rowOp(r, v, ops[r.nextInt(ops.length)])));
    }

    @Test
    void vectorUnitEngines() {
        long seed = RandomRuns.seed(26);
        for (VecEngineConfig v : List.of(V4, V8)) {
            rowOps("VBINARY/VAFFINE/VCOPY", () -> new EltwiseModel(v), v, seed, Opcode.VBINARY, Opcode.VAFFINE, Opcode.VCOPY);
            rowOps("VACT", () -> new ActModel(v), v, seed, Opcode.VACT);
            rowOps("VRMSNORM/VLAYERNORM", () -> new NormModel(v), v, seed, Opcode.VRMSNORM, Opcode.VLAYERNORM);
            rowOps("VROWSCALE", () -> new RowScaleModel(v), v, seed, Opcode.VROWSCALE);
            rowOps("VSOFTMAX", () -> new SoftmaxModel(v), v, seed, Opcode.VSOFTMAX);
        }
    }
}
