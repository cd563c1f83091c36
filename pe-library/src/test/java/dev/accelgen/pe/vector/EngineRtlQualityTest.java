package dev.accelgen.pe.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.vector.act.ActEngine;
import dev.accelgen.pe.vector.eltwise.EltwiseEngine;
import dev.accelgen.pe.vector.norm.NormEngine;
import dev.accelgen.pe.vector.rowscale.RowScaleEngine;
import dev.accelgen.pe.vector.engine.EngineGen;
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

/** Every engine's test top (the engine inside) is lint-clean, Yosys-clean and emitted deterministically. */
class EngineRtlQualityTest {
    private static final VecEngineConfig CFG = new VecEngineConfig(4, 16, 7, 5);

    static List<EngineGen<VecEngineConfig>> engines() {
        return List.of(new EltwiseEngine(), new ActEngine(), new RowScaleEngine(), new NormEngine());
    }

    @Test
    void testTopsAreLintAndYosysClean() throws Exception {
        for (EngineGen<VecEngineConfig> g : engines()) {
            Path dir = Files.createTempDirectory("accelgen-engine-lint-");
            Design d = Hdl.elaborate(new EngineTop<VecEngineConfig>(), new EngineTopConfig<>(g, CFG));
            var manifest = ManifestReader.read(d.emit(dir));
            LintResult lint = VerilatorLint.lint(manifest);
            assertEquals(List.of(), lint.warnings(), g.moduleName(CFG));
            YosysResult y = YosysCheck.check(manifest);
            assertTrue(y.ok(), g.moduleName(CFG) + ": " + y.errors());
            Design again = Hdl.elaborate(new EngineTop<VecEngineConfig>(), new EngineTopConfig<>(g, CFG));
            assertEquals(d.files(), again.files(), "deterministic emission of " + g.moduleName(CFG));
            ScratchDirs.delete(dir);
        }
    }
}
