package dev.accelgen.pe.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.errors.ConfigError;
import dev.accelgen.pe.UnitKind;
import dev.accelgen.pe.UnitKinds;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Packing;
import dev.accelgen.pe.dsp.Sparsity;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MulForm;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConfigJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static <C extends Record> C read(Class<C> type, String json) throws Exception {
        return ConfigJson.read(type, (ObjectNode) JSON.readTree(json), m -> new ConfigError("s.json cases[0]", m));
    }

    private static String error(Class<? extends Record> type, String json) {
        return assertThrows(ConfigError.class, () -> read(type, json)).getMessage();
    }

    @Test
    void componentsMapOntoTheRecord() throws Exception {
        assertEquals(new MixPeConfig(4, ActType.FP16, 4, 8, 1, MulForm.SHIFT_ADD), read(MixPeConfig.class,
                "{\"wBits\": 4, \"aType\": \"fp16\", \"group\": 4, \"lanes\": 8, \"cols\": 1, \"mulForm\": \"shiftadd\"}"));
        assertEquals(new MixPeConfig(4, ActType.INT8, 4, 8, 2, MulForm.LUT_MUL), read(MixPeConfig.class,
                "{\"wBits\": 4, \"aType\": \"INT8\", \"group\": 4, \"lanes\": 8, \"cols\": 2, \"mulForm\": \"lut_mul\"}"));
        assertEquals(new DspChainConfig(8, Packing.INT8X2, Sparsity.parse("2:4")),
                read(DspChainConfig.class, "{\"length\": 8, \"packing\": \"int8x2\", \"sparsity\": \"2:4\"}"));
    }

    @Test
    void everyKindsRandomConfigsRoundTrip() throws Exception {
        for (UnitKind<?> k : UnitKinds.all()) {
            roundTrip(k);
        }
    }

    private static <C extends Record> void roundTrip(UnitKind<C> k) throws Exception {
        Random rng = new Random(5);
        for (int i = 0; i < 50; i++) {
            C c = k.randomConfig(rng);
            assertEquals(c, read(k.configType(), ConfigJson.write(c).toString()), k.name());
        }
    }

    @Test
    void wordsSpellValuesAsTheCommandLineDoes() {
        assertEquals(List.of("4", "fp16", "4", "8", "1", "shiftadd"),
                ConfigJson.words(new MixPeConfig(4, ActType.FP16, 4, 8, 1, MulForm.SHIFT_ADD)));
        assertEquals(List.of("8", "int4x4", "block:4"), ConfigJson.words(new DspChainConfig(8, Packing.INT4X4, Sparsity.parse("block:4"))));
    }

    @Test
    void problemsNameTheEntryAndTheComponent() {
        String all = "{\"wBits\": 4, \"aType\": \"fp16\", \"group\": 4, \"lanes\": 8, \"cols\": 1, \"mulForm\": \"shiftadd\"";
        assertEquals("s.json cases[0]: config is missing \"mulForm\" (components: wBits, aType, group, lanes, cols, mulForm)",
                error(MixPeConfig.class, "{\"wBits\": 4, \"aType\": \"fp16\", \"group\": 4, \"lanes\": 8, \"cols\": 1}"));
        assertEquals("s.json cases[0]: config has no component \"rows\" (components: wBits, aType, group, lanes, cols, mulForm)",
                error(MixPeConfig.class, all + ", \"rows\": 2}"));
        assertEquals("s.json cases[0]: config \"aType\" must be one of int8, int16, fp16 (got \"bf16\")",
                error(MixPeConfig.class, all.replace("fp16", "bf16") + "}"));
        assertEquals("s.json cases[0]: config \"lanes\" must be an integer (got \"8\")",
                error(MixPeConfig.class, all.replace("\"lanes\": 8", "\"lanes\": \"8\"") + "}"));
        assertEquals("s.json cases[0]: config: group must be >= 1 and divide lanes 8 (got 3)",
                error(MixPeConfig.class, all.replace("\"group\": 4", "\"group\": 3") + "}"));
        assertEquals("s.json cases[0]: config \"sparsity\": sparsity must be dense, 2:4, 1:4, 2:8 or block:B (got 3:9:1)",
                error(DspChainConfig.class, "{\"length\": 8, \"packing\": \"int8x2\", \"sparsity\": \"3:9:1\"}"));
    }
}
