package dev.accelgen.pe.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Design;
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

/** Every engine's test top (the engine inside) is lint-clean, Yosys-clean and emitted deterministically. */
class EngineRtlQualityTest {
    private static final VecEngineConfig CFG = new VecEngineConfig(4, 16, 7, 5);

    @Test
    void testTopsAreLintAndYosysClean() throws Exception {
        for (ConfiguredEngine<?> e : ConfiguredEngine.all(CFG, 10, 6)) {
            Path dir = Files.createTempDirectory("accelgen-engine-lint-");
            Design d = e.top();
            var manifest = ManifestReader.read(d.emit(dir));
            LintResult lint = VerilatorLint.lint(manifest);
            assertEquals(List.of(), lint.warnings(), e.name());
            YosysResult y = YosysCheck.check(manifest);
            assertTrue(y.ok(), e.name() + ": " + y.errors());
            assertEquals(d.files(), e.top().files(), "deterministic emission of " + e.name());
            ScratchDirs.delete(dir);
        }
    }
}
