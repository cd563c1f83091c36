package dev.accelgen.pe.accel.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MulForm;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.ternary.Packing;
import dev.accelgen.pe.ternary.TernaryConfig;
import org.junit.jupiter.api.Test;

class MatrixEngineConfigTest {
    private static String error(MatrixUnitSpec u, int lanes, int portBits) {
        return assertThrows(ConfigError.class, () -> new MatrixEngineConfig(TestConfigs.hw("bad", lanes, 1, portBits, 64, u), 0))
                .getMessage();
    }

    @Test
    void refusesUnitsTheEngineCannotDrive() {
        assertEquals("hw.json matrixUnits[0] (ternary): takes 12 reduction positions per beat; matrix engines need a power"
                + " of two (choose power-of-two lanes or length)", error(new MatrixUnitSpec.Ternary(new TernaryConfig(12, 8,
                Packing.TWO_BIT)), 8, 64));
        assertEquals("hw.json matrixUnits[0] (systolic): produces 16 columns per block; matrix engines need a power of two no"
                + " larger than lanes 8", error(new MatrixUnitSpec.Systolic(SystolicConfig.int8(2, 16)), 8, 256));
        assertEquals("hw.json matrixUnits[0] (mixpe): needs 592 weight bits per beat but a WBUF word has 512 (ports x"
                + " portBits): add ports or widen them", error(new MatrixUnitSpec.MixPe(new MixPeConfig(4, ActType.INT8, 32, 32,
                4, MulForm.SHIFT_ADD)), 16, 512));
        assertEquals("mixpe a-type fp16: matrix engines quantize Fx activations to integer codes; configure the MixPE unit"
                + " with int8 or int16 activations", error(new MatrixUnitSpec.MixPe(new MixPeConfig(4, ActType.FP16, 4, 4,
                1, MulForm.SHIFT_ADD)), 8, 512));
    }

    @Test
    void geometryFollowsTheWidestBeat() {
        MatrixEngineConfig c = TestConfigs.dspInt8x2Narrow();
        assertEquals(8, c.superCodes());
        assertEquals(2, c.banks());
        assertEquals(4, c.halfDepth());
        assertEquals(8, c.paramHalfDepth());
        assertEquals(8, c.macLanes());
    }
}
