package dev.accelgen.sim.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.verilator.VerilatorBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCacheTest {
    @TempDir
    Path tmp;

    private String before;

    @BeforeEach
    void privateCache() {
        before = System.getProperty(VerilatorBuild.CACHE_PROPERTY);
        System.setProperty(VerilatorBuild.CACHE_PROPERTY, tmp.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(VerilatorBuild.CACHE_PROPERTY);
        } else {
            System.setProperty(VerilatorBuild.CACHE_PROPERTY, before);
        }
    }

    @Test
    void theKeyCoversVersionScriptNamesAndBytes() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.v"), "module a; endmodule\n");
        String k = SynthCache.key("Yosys 0.23", "synth -top a", List.of(a));
        assertEquals(k, SynthCache.key("Yosys 0.23", "synth -top a", List.of(a)));
        assertNotEquals(k, SynthCache.key("Yosys 0.24", "synth -top a", List.of(a)));
        assertNotEquals(k, SynthCache.key("Yosys 0.23", "synth -top b", List.of(a)));
        Path b = Files.writeString(tmp.resolve("b.v"), "module a; endmodule\n");
        assertNotEquals(k, SynthCache.key("Yosys 0.23", "synth -top a", List.of(b)));
        Files.writeString(a, "module a; wire w; endmodule\n");
        assertNotEquals(k, SynthCache.key("Yosys 0.23", "synth -top a", List.of(a)));
    }

    @Test
    void aStoredTableComesBackInOrderAndABrokenOneIsIgnored() throws Exception {
        String key = "0123456789abcdef".repeat(4);
        assertEquals(Optional.empty(), SynthCache.get(key));
        Map<String, Integer> cells = new LinkedHashMap<>();
        cells.put("LUT6", 120);
        cells.put("FDRE", 64);
        cells.put("DSP48E2", 2);
        SynthCache.put(key, cells);
        assertEquals(List.of("LUT6", "FDRE", "DSP48E2"), List.copyOf(SynthCache.get(key).orElseThrow().keySet()));
        assertEquals(cells, SynthCache.get(key).orElseThrow());
        Path entry = tmp.resolve("cache/yosys/" + key + ".cells");
        assertTrue(Files.isRegularFile(entry));
        Files.writeString(entry, "LUT6 12x\n");
        assertEquals(Optional.empty(), SynthCache.get(key));
    }
}
