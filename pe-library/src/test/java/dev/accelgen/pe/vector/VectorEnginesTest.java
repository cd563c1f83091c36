package dev.accelgen.pe.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.vector.eltwise.EltwiseEngine;
import dev.accelgen.pe.vector.eltwise.EltwiseModel;
import dev.accelgen.pe.vector.harness.EngineCase;
import dev.accelgen.pe.vector.harness.EngineVerify;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every vector engine, RTL versus Java model, random instructions on random buffers: one Verilator build. */
class VectorEnginesTest {
    private static final List<VecEngineConfig> CONFIGS = List.of(new VecEngineConfig(4, 16, 7, 5),
            new VecEngineConfig(8, 32, 8, 6));

    @Test
    void randomInstructionsMatchTheJavaModels() {
        long seed = RandomRuns.seed(11);
        System.out.println("vector engines seed=" + seed);
        Random rng = new Random(seed);
        List<EngineCase<?>> cases = new ArrayList<>();
        for (VecEngineConfig c : CONFIGS) {
            long s = rng.nextLong();
            cases.add(new EngineCase<>(new EltwiseEngine(), c, () -> new EltwiseModel(c),
                    RandomRuns.run(new Random(s), c, 24, r -> switch (r.nextInt(3)) {
                        case 0 -> RandomRuns.vbinary(r, c);
                        case 1 -> RandomRuns.vaffine(r, c);
                        default -> RandomRuns.vcopy(r, c);
                    }), s));
        }
        assertEquals(List.of(), EngineVerify.verify(cases));
    }
}
