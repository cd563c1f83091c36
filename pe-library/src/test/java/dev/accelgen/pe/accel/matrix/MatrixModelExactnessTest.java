package dev.accelgen.pe.accel.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.accel.matrix.model.MatrixEngineModel;
import dev.accelgen.pe.vector.engine.EngineGeometry;
import dev.accelgen.pe.vector.harness.EngineBench;
import dev.accelgen.sim.Trace;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The matrix engines' cycle models compute exactly what {@link PlainReference} computes with plain loops:
 * random instructions (every flag the kind supports) on random buffers, ABUF compared word for word.
 */
class MatrixModelExactnessTest {
    @Test
    void everyKindMatchesThePlainReference() {
        long seed = Long.getLong("accelgen.seed", 5);
        System.out.println("matrix model exactness seed=" + seed);
        Random rng = new Random(seed);
        for (MatrixEngineConfig cfg : TestConfigs.all()) {
            for (int run = 0; run < Integer.getInteger("dbg.runs", 3); run++) {
                long s = rng.nextLong();
                MatrixWorkload w = MatrixWorkload.random(cfg, new Random(s), 6);
                Trace t = new EngineBench(EngineGeometry.of(cfg.hw(), true), () -> new MatrixEngineModel(cfg), w.run()).run(null);
                int[][] expected = w.expected();
                int[][] actual = w.apply(t);
                for (int a = 0; a < expected.length; a++) {
                    assertArrayEquals(expected[a], actual[a], cfg.moduleName() + " seed " + s + " ABUF word " + a);
                }
                long done = t.events().stream().filter(e -> e.stream().equals("done")).count();
                assertEquals(true, done >= 1, "done events");
            }
        }
    }
}
