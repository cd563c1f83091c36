package dev.accelgen.pe.accel.matrix;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.isa.Mm;
import dev.accelgen.pe.accel.matrix.rtl.MatrixEngine;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.tools.ResourceCounts;
import dev.accelgen.sim.tools.YosysSynth;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures of the matrix engines on tiny-model shapes (V = 16, maxRowElems 128): utilization from the cycle
 * model (one instruction; eight back-to-back {@code overlap} instructions) and Yosys {@code synth_xilinx -family
 * xcup} resources of each engine (unit included). Run:
 * {@code mvn -B -pl pe-library -am test -Dtest=MatrixFiguresBench -Dpe.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class MatrixFiguresBench {
    static final List<MatrixUnitSpec> UNITS = List.of(MatrixTimingTest.MIXPE, MatrixTimingTest.TERNARY, MatrixTimingTest.DSP,
            new MatrixUnitSpec.Systolic(SystolicConfig.int8(8, 8)));
    static final int[][] SHAPES = {{8, 32, 64}, {8, 64, 32}, {1, 32, 64}, {1, 64, 32}};

    @Test
    void utilization() {
        for (MatrixUnitSpec u : UNITS) {
            MatrixEngineConfig c = MatrixTimingTest.cfg(u);
            for (boolean sparse : c.shape().sparseCapable() ? new boolean[] {false, true} : new boolean[] {false}) {
                print(u, c, sparse);
            }
        }
    }

    /** Useful MACs count rows * n * k, so a sparse chain shows its dense-equivalent rate (2:4: up to 200%). */
    private static void print(MatrixUnitSpec u, MatrixEngineConfig c, boolean sparse) {
        for (int[] s : SHAPES) {
            Mm one = MatrixTimingTest.mm(s[0], s[1], s[2], false, false, false, false, sparse);
            Mm step = MatrixTimingTest.mm(s[0], s[1], s[2], false, false, false, true, sparse);
            Utilization single = Utilization.of(MatrixTimingTest.run(c, List.of(), one), c.macLanes());
            Utilization eight = Utilization.of(MatrixTimingTest.run(c, List.of(), step, step, step, step, step, step, step,
                    step), c.macLanes());
            System.out.printf("%-9s rows %d K %3d N %3d%s: one %s | 8 overlapped %s%n", u.kind(), s[0], s[1], s[2],
                    sparse ? " (2:4)" : "", single, eight);
        }
    }

    @Test
    void resources(@TempDir Path dir) {
        for (MatrixUnitSpec u : UNITS) {
            MatrixEngineConfig c = MatrixTimingTest.cfg(u);
            Path m = Hdl.elaborate(new MatrixEngine(), c).emit(dir.resolve(c.moduleName()));
            ResourceCounts r = YosysSynth.synth(ManifestReader.read(m));
            System.out.printf("%s (%s, %d MAC lanes, V=%d): LUT %,d FF %,d CARRY4 %,d DSP %d BRAM36 %.1f URAM %d%n",
                    c.moduleName(), u.kind(), c.macLanes(), c.lanes(), r.lut(), r.ff(), r.carry4(), r.dsp48e2(), r.bram36(),
                    r.uram());
        }
    }
}
