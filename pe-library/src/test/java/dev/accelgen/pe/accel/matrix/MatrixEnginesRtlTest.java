package dev.accelgen.pe.accel.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.accel.matrix.model.MatrixEngineModel;
import dev.accelgen.pe.accel.matrix.rtl.MatrixEngine;
import dev.accelgen.pe.vector.harness.EngineCase;
import dev.accelgen.pe.vector.harness.EngineVerify;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every matrix engine configuration of the tests, RTL versus its cycle model in one Verilator build: random MM
 * instructions (every flag the kind supports, back to back and with gaps) on random buffers, every ABUF write
 * and every {@code done} compared by cycle and value.
 */
class MatrixEnginesRtlTest {
    @Test
    void randomInstructionsMatchTheCycleModels() {
        long seed = Long.getLong("accelgen.seed", 21);
        System.out.println("matrix engines seed=" + seed);
        Random rng = new Random(seed);
        List<EngineCase<?>> cases = new ArrayList<>();
        for (MatrixEngineConfig cfg : TestConfigs.ci()) {
            long s = rng.nextLong();
            MatrixWorkload w = MatrixWorkload.random(cfg, new Random(s), 12);
            cases.add(new EngineCase<>(new MatrixEngine(), cfg, () -> new MatrixEngineModel(cfg), w.run(), s));
        }
        assertEquals(List.of(), EngineVerify.verify(cases));
    }
}
