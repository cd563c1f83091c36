package dev.accelgen.pe.accel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Packing;
import dev.accelgen.pe.dsp.Sparsity;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MulForm;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.ternary.TernaryConfig;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class HwConfigJsonTest {
    static HwConfig sample() {
        return new HwConfig("tiny", 8, 4096, 1024, 256, 2, 128, List.of(
                new MatrixUnitSpec.MixPe(new MixPeConfig(4, ActType.INT8, 32, 32, 8, MulForm.SHIFT_ADD)),
                new MatrixUnitSpec.Ternary(new TernaryConfig(32, 8, dev.accelgen.pe.ternary.Packing.BASE3)),
                new MatrixUnitSpec.DspChain(new DspChainConfig(8, Packing.INT8X2, Sparsity.parse("2:4"))),
                new MatrixUnitSpec.Systolic(SystolicConfig.int8(4, 4))),
                EnumSet.of(Opcode.VATTN, Opcode.VBINARY), 256, 64, 64, 8, 1024, 16, 4);
    }

    @Test
    void canonicalJsonRoundTripsAndHashesStably() {
        HwConfig c = sample();
        String json = HwConfigJson.write(c);
        HwConfig back = HwConfigJson.read(json, "hw.json");
        assertEquals(c, back);
        assertEquals(json, HwConfigJson.write(back));
        String hash = HexFormat.of().formatHex(HwConfigJson.sha256(c));
        assertEquals(hash, HexFormat.of().formatHex(HwConfigJson.sha256(back)));
        HwConfig other = HwConfigJson.read(json.replace("\"lanes\" : 8", "\"lanes\" : 16"), "hw.json");
        assertNotEquals(hash, HexFormat.of().formatHex(HwConfigJson.sha256(other)));
    }

    @Test
    void badFilesGetOneLineNamingTheField() {
        String json = HwConfigJson.write(sample());
        assertEquals("hw.json: has unknown field 'extra'", assertThrows(ConfigError.class,
                () -> HwConfigJson.read(json.replaceFirst("\\{\n", "{\n  \"extra\" : 1,\n"), "hw.json")).getMessage());
        assertEquals("hw.json lanes: must be a power of two in 4..64 (got 12)", assertThrows(ConfigError.class,
                () -> HwConfigJson.read(json.replace("\"lanes\" : 8", "\"lanes\" : 12"), "hw.json")).getMessage());
        assertEquals("hw.json matrixUnits[0]: kind must be mixpe, ternary, dsp-chain or systolic (got gpu)",
                assertThrows(ConfigError.class, () -> HwConfigJson.read(json.replace("\"mixpe\"", "\"gpu\""), "hw.json")).getMessage());
        assertEquals("hw.json: is not valid JSON (line 1, column 2)",
                assertThrows(ConfigError.class, () -> HwConfigJson.read("{", "hw.json")).getMessage());
    }
}
