package dev.accelgen.pe.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.vector.act.ActEngine;
import dev.accelgen.pe.vector.act.ActModel;
import dev.accelgen.pe.vector.attn.AttnConfig;
import dev.accelgen.pe.vector.attn.AttnEngine;
import dev.accelgen.pe.vector.attn.AttnModel;
import dev.accelgen.pe.vector.eltwise.EltwiseEngine;
import dev.accelgen.pe.vector.eltwise.EltwiseModel;
import dev.accelgen.pe.vector.engine.EngineGen;
import dev.accelgen.pe.vector.engine.EngineModel;
import dev.accelgen.pe.vector.harness.EngineCase;
import dev.accelgen.pe.vector.harness.EngineVerify;
import dev.accelgen.pe.vector.mlgru.MlgruEngine;
import dev.accelgen.pe.vector.mlgru.MlgruModel;
import dev.accelgen.pe.vector.moe.ScatterEngine;
import dev.accelgen.pe.vector.moe.ScatterModel;
import dev.accelgen.pe.vector.moe.TopKEngine;
import dev.accelgen.pe.vector.moe.TopKModel;
import dev.accelgen.pe.vector.norm.NormEngine;
import dev.accelgen.pe.vector.norm.NormModel;
import dev.accelgen.pe.vector.rope.RopeConfig;
import dev.accelgen.pe.vector.rope.RopeEngine;
import dev.accelgen.pe.vector.rope.RopeModel;
import dev.accelgen.pe.vector.rowscale.RowScaleEngine;
import dev.accelgen.pe.vector.rowscale.RowScaleModel;
import dev.accelgen.pe.vector.softmax.SoftmaxEngine;
import dev.accelgen.pe.vector.softmax.SoftmaxModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every vector engine, RTL versus Java model, random instructions on random buffers: one Verilator build. */
class VectorEnginesTest {
    private static final List<VecEngineConfig> CONFIGS = List.of(new VecEngineConfig(4, 16, 7, 5),
            new VecEngineConfig(8, 32, 8, 6));

    private static <C> void add(List<EngineCase<?>> cases, Random rng, EngineGen<C> gen, C c,
                                Supplier<EngineModel> model, Function<Random, QueuedInstr> instr) {
        long s = rng.nextLong();
        cases.add(new EngineCase<>(gen, c, model, RandomRuns.run(new Random(s), gen.geometry(c), 24, instr), s));
    }

    @Test
    void randomInstructionsMatchTheJavaModels() {
        long seed = RandomRuns.seed(11);
        System.out.println("vector engines seed=" + seed);
        Random rng = new Random(seed);
        List<EngineCase<?>> cases = new ArrayList<>();
        for (VecEngineConfig c : CONFIGS) {
            add(cases, rng, new EltwiseEngine(), c, () -> new EltwiseModel(c), r -> switch (r.nextInt(3)) {
                case 0 -> RandomRuns.vbinary(r, c);
                case 1 -> RandomRuns.vaffine(r, c);
                default -> RandomRuns.vcopy(r, c);
            });
            add(cases, rng, new RowScaleEngine(), c, () -> new RowScaleModel(c), r -> RandomRuns.vrowscale(r, c));
            add(cases, rng, new NormEngine(), c, () -> new NormModel(c), r -> RandomRuns.vnorm(r, c));
        }
        VecEngineConfig small = CONFIGS.get(0);
        VecEngineConfig wide = CONFIGS.get(1);
        add(cases, rng, new ActEngine(), small, () -> new ActModel(small), r -> RandomRuns.vact(r, small));
        add(cases, rng, new SoftmaxEngine(), small, () -> new SoftmaxModel(small), r -> RandomVecInstrs.softmax(r, small));
        for (VecEngineConfig c : CONFIGS) {
            AttnConfig ac = new AttnConfig(c, 2 * c.lanes() + 3, 7);
            add(cases, rng, new AttnEngine(), ac, () -> new AttnModel(ac), r -> RandomVecInstrs.attn(r, ac));
        }
        RopeConfig rc = new RopeConfig(wide, 20);
        add(cases, rng, new RopeEngine(), rc, () -> new RopeModel(rc), r -> RandomVecInstrs.rope(r, rc, false));
        add(cases, rng, new MlgruEngine(), small, () -> new MlgruModel(small), r -> RandomVecInstrs.mlgru(r, small, false));
        add(cases, rng, new TopKEngine(), wide, () -> new TopKModel(wide), r -> RandomVecInstrs.topk(r, wide, false));
        long s = rng.nextLong();
        Random sr = new Random(s);
        RandomVecInstrs.Batch scatter = RandomVecInstrs.scatter(sr, small, 24, false);
        cases.add(new EngineCase<>(new ScatterEngine(), small, () -> new ScatterModel(small),
                RandomRuns.run(sr, small.geometry(), scatter.instrs(), scatter.loads()), s));
        assertEquals(List.of(), EngineVerify.verify(cases));
    }
}
