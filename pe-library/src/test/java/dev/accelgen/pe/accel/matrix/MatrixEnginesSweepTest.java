package dev.accelgen.pe.accel.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.accel.matrix.model.MatrixEngineModel;
import dev.accelgen.pe.accel.matrix.rtl.MatrixEngine;
import dev.accelgen.pe.vector.harness.EngineCase;
import dev.accelgen.pe.vector.harness.EngineVerify;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every matrix engine configuration of the tests (wider lanes, 2-bit ternary, dense-only DSP paths included),
 * {@code -Dsweep.runs} random runs each (default 4), RTL versus cycle model in one Verilator build, and every
 * run's ABUF against the plain-loop reference. Outside the default suite:
 * {@code mvn -B -pl pe-library -am test -Psweep -Dtest=MatrixEnginesSweepTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("sweep")
class MatrixEnginesSweepTest {
    @Test
    void allConfigurationsManyRuns() {
        long seed = Long.getLong("sweep.seed", 77);
        int runs = Integer.getInteger("sweep.runs", 4);
        System.out.println("matrix engines sweep seed=" + seed + " runs=" + runs);
        Random rng = new Random(seed);
        List<EngineCase<?>> cases = new ArrayList<>();
        for (MatrixEngineConfig cfg : TestConfigs.all()) {
            for (int i = 0; i < runs; i++) {
                long s = rng.nextLong();
                MatrixWorkload w = MatrixWorkload.random(cfg, new Random(s), 16);
                cases.add(new EngineCase<>(new MatrixEngine(), cfg, () -> new MatrixEngineModel(cfg), w.run(), s));
                EngineCase<?> last = cases.get(cases.size() - 1);
                int[][] expected = w.expected();
                int[][] actual = w.apply(last.golden().run(null));
                for (int a = 0; a < expected.length; a++) {
                    org.junit.jupiter.api.Assertions.assertArrayEquals(expected[a], actual[a], last.describe() + " word " + a);
                }
            }
        }
        assertEquals(List.of(), EngineVerify.verify(cases));
    }
}
