package dev.accelgen.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MulForm;
import dev.accelgen.pe.mlgru.MlgruConfig;
import dev.accelgen.pe.rmsnorm.RmsNormConfig;
import dev.accelgen.pe.ternary.LaneForm;
import dev.accelgen.pe.ternary.Packing;
import dev.accelgen.pe.ternary.TernaryConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every config record rejects bad parameters with a ConfigError: one exact line naming parameter, value and range. */
class ConfigValidationTest {
    private static void rejects(String message, Executable e) {
        assertEquals(message, assertThrows(ConfigError.class, e).getMessage());
    }

    @Test
    void mixpe() {
        rejects("w-bits must be one of 2, 3, 4, 8 (got 5)", () -> new MixPeConfig(5, ActType.INT8, 4, 8));
        rejects("group must be >= 1 and divide lanes 8 (got 3)", () -> new MixPeConfig(4, ActType.INT8, 3, 8));
        rejects("lanes must be in 1..256 (got 300)", () -> new MixPeConfig(4, ActType.INT8, 4, 300));
        rejects("cols must be in 1..64 (got 0)", () -> new MixPeConfig(4, ActType.INT8, 4, 8, 0, MulForm.SHIFT_ADD));
        rejects("a-type must be one of int8, int16, fp16 (got fp8)", () -> ActType.parse("fp8"));
        assertEquals(4, new MixPeConfig(4, ActType.INT16, 4, 8).latency());
        assertEquals(5, new MixPeConfig(4, ActType.FP16, 4, 8).latency());
        assertEquals("mixpe_w4_fp16_g4_l8_c2_lutmul", new MixPeConfig(4, ActType.FP16, 4, 8, 2, MulForm.LUT_MUL).moduleName());
    }

    @Test
    void ternary() {
        rejects("lanes must be in 2..512 (got 1)", () -> new TernaryConfig(1, 8, Packing.TWO_BIT));
        rejects("a-bits must be in 2..16 (got 20)", () -> new TernaryConfig(8, 20, Packing.TWO_BIT));
        rejects("packing must be one of 2bit, base3 (got base4)", () -> Packing.parse("base4"));
        assertEquals(2, new TernaryConfig(8, 8, Packing.TWO_BIT).latency());
        assertEquals(3, new TernaryConfig(8, 8, Packing.BASE3).latency());
        assertEquals(2, new TernaryConfig(7, 8, Packing.BASE3).weightBytes());
        assertEquals("ternary_l8_a8_2bit_cin", new TernaryConfig(8, 8, Packing.TWO_BIT, LaneForm.CARRY_IN).moduleName());
    }

    @Test
    void mlgruAndRmsnorm() {
        rejects("hidden must be a multiple of lanes 4 and at most 256 (got 6)", () -> new MlgruConfig(4, 6));
        rejects("lanes must be in 1..64 (got 0)", () -> new MlgruConfig(0, 6));
        rejects("n must be a power of two in 2..256 (got 48)", () -> new RmsNormConfig(48, 4, 1));
        rejects("lanes must be a power of two dividing n 64 with n/lanes <= 64 (got 3)", () -> new RmsNormConfig(64, 3, 1));
        rejects("eps must be in 1..65535 (got 0)", () -> new RmsNormConfig(64, 4, 0));
        assertEquals(7, new RmsNormConfig(64, 4, 1).firstOutputLatency());
        assertEquals(22, new RmsNormConfig(64, 4, 1).busyCycles());
    }
}
