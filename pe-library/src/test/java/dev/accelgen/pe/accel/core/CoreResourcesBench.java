package dev.accelgen.pe.accel.core;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.tools.ResourceCounts;
import dev.accelgen.sim.tools.YosysSynth;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Yosys {@code synth_xilinx -family xcup} figures of the core's own logic (controller, DMA, dispatcher,
 * buffers; no compute engines), per block and in total, for a ZCU104-like and a U280-like configuration. Run:
 * {@code mvn -B -pl pe-library -am test -Dtest=CoreResourcesBench -Dpe.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("bench")
class CoreResourcesBench {
    static final HwConfig ZCU = new HwConfig("zcu", 16, 2048, 1024, 512, 4, 128, List.of(), Set.of(), 4096, 128, 256,
            8, 2048, 16, 4);
    static final HwConfig U280 = new HwConfig("u280", 16, 4096, 1024, 1024, 16, 256, List.of(), Set.of(), 4096, 128,
            256, 8, 4096, 16, 8);

    @Test
    void coreLogic(@TempDir Path dir) {
        for (HwConfig c : List.of(ZCU, U280)) {
            Path m = Hdl.elaborate(new AccelCoreRtl(), new CoreConfig(c, false)).emit(dir.resolve(c.name()));
            ResourceCounts r = YosysSynth.synth(ManifestReader.read(m));
            System.out.printf("%s (%d ports x %d bits, %d lanes): LUT %,d FF %,d CARRY4 %,d DSP %d BRAM36 %.1f URAM %d%n",
                    c.name(), c.ports(), c.portBits(), c.lanes(), r.lut(), r.ff(), r.carry4(), r.dsp48e2(), r.bram36(),
                    r.uram());
        }
    }
}
