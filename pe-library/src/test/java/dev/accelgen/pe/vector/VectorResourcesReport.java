package dev.accelgen.pe.vector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.tools.ResourceCounts;
import dev.accelgen.sim.tools.ScratchDirs;
import dev.accelgen.sim.tools.YosysSynth;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints Yosys synth_xilinx (xcup) figures of every vector engine at V=8 and V=16 (maxRowElems 4096, ABUF
 * 2^14 words, SBUF 2^12 entries; attention and RoPE for heads up to 128, attention tiles of up to 128 keys). A
 * report, not part of the default suite (add {@code -Daccelgen.engines=vec_attn,vec_rope} to synthesize only the
 * engines whose module names start so):
 * {@code mvn -B -pl pe-library -am test -Psweep -Dtest=VectorResourcesReport -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("sweep")
class VectorResourcesReport {
    @Test
    void printEngineResources() throws Exception {
        System.out.println("| engine | V | LUT | FF | CARRY4 | DSP48E2 | BRAM36 |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int lanes : new int[] {8, 16}) {
            VecEngineConfig c = new VecEngineConfig(lanes, 4096, 14, 12);
            for (ConfiguredEngine<?> e : ConfiguredEngine.all(c, 128, 128)) {
                if (!selected(e.name())) {
                    continue;
                }
                Path dir = Files.createTempDirectory("accelgen-vec-res-");
                ResourceCounts r = YosysSynth.synth(ManifestReader.read(e.engine().emit(dir)));
                System.out.printf("| %s | %d | %d | %d | %d | %d | %.1f |%n", e.gen().getClass().getSimpleName(), lanes,
                        r.lut(), r.ff(), r.carry4(), r.dsp48e2(), r.bram36());
                assertTrue(r.lut() > 0);
                ScratchDirs.delete(dir);
            }
        }
    }

    private static boolean selected(String module) {
        String only = System.getProperty("accelgen.engines", "");
        if (only.isEmpty()) {
            return true;
        }
        for (String prefix : only.split(",")) {
            if (module.startsWith(prefix.trim())) {
                return true;
            }
        }
        return false;
    }
}
