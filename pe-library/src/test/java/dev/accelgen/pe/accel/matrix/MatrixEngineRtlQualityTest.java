package dev.accelgen.pe.accel.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.accel.matrix.rtl.MatrixEngine;
import dev.accelgen.pe.vector.harness.EngineTop;
import dev.accelgen.pe.vector.harness.EngineTopConfig;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.tools.LintResult;
import dev.accelgen.sim.tools.ScratchDirs;
import dev.accelgen.sim.tools.VerilatorLint;
import dev.accelgen.sim.tools.YosysCheck;
import dev.accelgen.sim.tools.YosysResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every matrix engine configuration of the tests, inside its test top: lint-clean, Yosys-clean, deterministic. */
class MatrixEngineRtlQualityTest {
    @Test
    void testTopsAreLintAndYosysCleanAndDeterministic() throws Exception {
        for (MatrixEngineConfig cfg : TestConfigs.all()) {
            Path dir = Files.createTempDirectory("accelgen-matrix-lint-");
            Design d = Hdl.elaborate(new EngineTop<MatrixEngineConfig>(), new EngineTopConfig<>(new MatrixEngine(), cfg));
            var manifest = ManifestReader.read(d.emit(dir));
            LintResult lint = VerilatorLint.lint(manifest);
            assertEquals(List.of(), lint.warnings(), cfg.moduleName());
            YosysResult y = YosysCheck.check(manifest);
            assertTrue(y.ok(), cfg.moduleName() + ": " + y.errors());
            Design again = Hdl.elaborate(new EngineTop<MatrixEngineConfig>(), new EngineTopConfig<>(new MatrixEngine(), cfg));
            assertEquals(d.files(), again.files(), "deterministic emission of " + cfg.moduleName());
            ScratchDirs.delete(dir);
        }
    }
}
