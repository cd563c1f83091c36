package dev.accelgen.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MixPeUnit;
import dev.accelgen.pe.mixpe.MulForm;
import dev.accelgen.pe.mlgru.MlgruConfig;
import dev.accelgen.pe.mlgru.MlgruUnit;
import dev.accelgen.pe.rmsnorm.RmsNormConfig;
import dev.accelgen.pe.rmsnorm.RmsNormUnit;
import dev.accelgen.pe.ternary.LaneForm;
import dev.accelgen.pe.ternary.Packing;
import dev.accelgen.pe.ternary.TernaryConfig;
import dev.accelgen.pe.ternary.TernaryUnit;
import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.tools.LintResult;
import dev.accelgen.sim.tools.VerilatorLint;
import dev.accelgen.sim.tools.YosysCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every emitted file of every family (each lane form, packing, activation type, the primitive models)
 * is clean under verilator --lint-only -Wall and Yosys check -assert, generation is byte-identical,
 * and the shift-and-add and ternary lanes contain no multiplication operator.
 */
class GeneratedRtlQualityTest {
    private record Case<C>(ModuleGen<C> gen, C cfg) {
        Design design() {
            return Hdl.elaborate(gen, cfg);
        }
    }

    private static final List<Case<?>> CASES = List.of(
            new Case<>(new TernaryUnit(), new TernaryConfig(9, 8, Packing.TWO_BIT, LaneForm.LUT6_2)),
            new Case<>(new TernaryUnit(), new TernaryConfig(6, 5, Packing.BASE3, LaneForm.CARRY_IN)),
            new Case<>(new TernaryUnit(), new TernaryConfig(4, 16, Packing.TWO_BIT, LaneForm.NAIVE)),
            new Case<>(new MixPeUnit(), new MixPeConfig(3, ActType.INT16, 2, 6, 2, MulForm.SHIFT_ADD)),
            new Case<>(new MixPeUnit(), new MixPeConfig(8, ActType.FP16, 4, 8, 1, MulForm.SHIFT_ADD)),
            new Case<>(new MixPeUnit(), new MixPeConfig(2, ActType.INT8, 1, 3, 1, MulForm.LUT_MUL)),
            new Case<>(new MlgruUnit(), new MlgruConfig(2, 6)),
            new Case<>(new MlgruUnit(), new MlgruConfig(1, 1)),
            new Case<>(new RmsNormUnit(), new RmsNormConfig(8, 2, 5)),
            new Case<>(new RmsNormUnit(), new RmsNormConfig(2, 2, 1)));

    @Test
    void lintCleanAndYosysChecked() throws IOException {
        for (Case<?> c : CASES) {
            Manifest m = ManifestReader.read(c.design().emit(Files.createTempDirectory("accelgen-lint-")));
            LintResult lint = VerilatorLint.lint(m);
            assertTrue(lint.clean(), m.top() + ": " + lint);
            assertTrue(YosysCheck.check(m).ok(), m.top() + ": " + YosysCheck.check(m));
        }
    }

    @Test
    void deterministicAndMultiplierFreeLanes() {
        for (Case<?> c : CASES) {
            Map<String, String> first = c.design().files();
            assertEquals(first, c.design().files());
            String top = first.get(c.design().topName() + ".v");
            if (c.cfg() instanceof TernaryConfig) {
                assertFalse(top.contains("*"), c.cfg() + " has a multiplication");
            } else if (c.cfg() instanceof MixPeConfig m && m.mulForm() == MulForm.SHIFT_ADD) {
                // the only products are the per-group dequantizers
                long stars = top.lines().filter(l -> l.contains(" * ")).count();
                assertEquals((long) m.groupsPerBeat() * m.cols(), stars, top);
                assertTrue(top.lines().filter(l -> l.contains(" * ")).allMatch(l -> l.contains("assign dequant_")));
            }
        }
    }
}
