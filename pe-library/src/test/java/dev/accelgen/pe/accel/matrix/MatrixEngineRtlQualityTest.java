package dev.accelgen.pe.accel.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.accel.matrix.rtl.MatrixEngine;
import dev.accelgen.pe.vector.harness.EngineTop;
import dev.accelgen.pe.vector.harness.EngineTopConfig;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.tools.ScratchDirs;
import dev.accelgen.sim.tools.YosysCheck;
import dev.accelgen.sim.tools.YosysResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One matrix engine per unit kind, inside its test top: Yosys {@code check -assert} clean and emitted
 * deterministically. (Verilator -Wall with zero warnings is proven by {@link MatrixEnginesRtlTest}'s build.)
 */
class MatrixEngineRtlQualityTest {
    @Test
    void testTopsAreYosysCleanAndDeterministic() throws Exception {
        for (MatrixEngineConfig cfg : List.of(TestConfigs.mixpeBanked(), TestConfigs.ternaryBase3(), TestConfigs.dspInt4x4(),
                TestConfigs.systolicUnsigned())) {
            Path dir = Files.createTempDirectory("accelgen-matrix-check-");
            Design d = Hdl.elaborate(new EngineTop<MatrixEngineConfig>(), new EngineTopConfig<>(new MatrixEngine(), cfg));
            YosysResult y = YosysCheck.check(ManifestReader.read(d.emit(dir)));
            assertTrue(y.ok(), cfg.moduleName() + ": " + y.errors());
            Design again = Hdl.elaborate(new EngineTop<MatrixEngineConfig>(), new EngineTopConfig<>(new MatrixEngine(), cfg));
            assertEquals(d.files(), again.files(), "deterministic emission of " + cfg.moduleName());
            ScratchDirs.delete(dir);
        }
    }
}
