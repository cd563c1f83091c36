package dev.accelgen.compiler.backend.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.backend.compile.Compiled;
import dev.accelgen.compiler.backend.compile.Compiler;
import dev.accelgen.compiler.backend.plan.PlanOptions;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.matrix.UnitShape;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.rmsnorm.RmsNormConfig;
import org.junit.jupiter.api.Test;

/**
 * Layers wider than the units are time-multiplexed, not refused: a LLaMA block 512 wide (RMSNorm rows of 512, past
 * the standalone unit's {@link RmsNormConfig#MAX_N}; projections of 512 x 1536 whose widest MixPE unit would need a
 * weight beat wider than the ZCU104's four 128-bit ports) plans a MixPE unit whose beat the board delivers and runs a
 * prefill and four decode steps bit-identical to the LIR interpreter. {@code accelgen verify
 * dataflow-compiler/src/test/resources/configs/wide-llama.config.json --board zcu104 --scheme w8a8} runs the same in
 * Verilator.
 */
class WideLayersTest {
    static final String MODEL = "src/test/resources/configs/wide-llama.config.json";

    @Test
    void widerThanTheUnitsAndTheBoardsBeatIsTiledAndBitExact() {
        Compiled c = Compiler.compile(MODEL, "w8a8", null, TinyModelsGoldenTest.ZCU104, null, "", 0, PlanOptions.defaults(), 1);
        assertTrue(512 > RmsNormConfig.MAX_N);
        assertEquals(1, c.hw().matrixUnits().size());
        MatrixUnitSpec.MixPe unit = (MatrixUnitSpec.MixPe) c.hw().matrixUnits().get(0);
        MixPeConfig u = unit.config();
        assertEquals(32, u.lanes(), "64 lanes would take a weight beat of " + UnitShape.of(new MatrixUnitSpec.MixPe(
                new MixPeConfig(u.wBits(), u.aType(), u.group(), 64, 1, u.mulForm()))).payloadBits() + " bits");
        assertEquals(1, u.cols());
        assertTrue(UnitShape.of(unit).payloadBits() <= 4 * 128, "the beat fits the four HP ports");
        assertEquals(1536, c.hw().maxRowElems(), "rows as long as q, k and v side by side");
        TinyModelsGoldenTest.check(TinyModelsGoldenTest.verify(c));
    }
}
