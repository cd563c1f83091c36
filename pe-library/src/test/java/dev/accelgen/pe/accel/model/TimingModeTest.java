package dev.accelgen.pe.accel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.core.EngineCatalog;
import dev.accelgen.pe.accel.core.FuzzCase;
import dev.accelgen.pe.accel.core.ProgramFuzzer;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.systolic.SystolicConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Timing-only mode gives exactly the data mode's cycles and statuses whenever the data-dependent control
 * agrees: random programs whose indirect loads read the index lists timing mode assumes (0, 1, 2, ...).
 */
class TimingModeTest {
    static final HwConfig HW = new HwConfig("timing", 4, 64, 16, 16, 2, 64,
            List.of(new MatrixUnitSpec.Systolic(SystolicConfig.int8(4, 4))),
            Set.of(Opcode.VBINARY, Opcode.VAFFINE, Opcode.VCOPY, Opcode.VACT, Opcode.VRMSNORM, Opcode.VLAYERNORM,
            Opcode.VROWSCALE), 8, 2, 1, 4, 64, 4, 2);

    @Test
    void sameCyclesAsDataMode() {
        ProgramFuzzer fuzzer = new ProgramFuzzer(HW).withIdentityIndices(true);
        long seed = Long.getLong("accelgen.fuzz.seed", 1L);
        for (int i = 0; i < 200; i++) {
            FuzzCase c = fuzzer.draw(seed + i);
            ModelResult data = new AccelModel(HW, AccelModel.Mode.DATA, EngineCatalog.models()).run(c.run());
            ModelResult timing = new AccelModel(HW, AccelModel.Mode.TIMING, EngineCatalog.models()).run(c.run());
            assertFalse(data.timedOut(), "seed " + c.seed());
            assertEquals(data.totalCycles(), timing.totalCycles(), "seed " + c.seed() + "\n" + c.listing());
            assertEquals(data.doneStatus(), timing.doneStatus(), "seed " + c.seed());
            assertTrue(timing.events().isEmpty(), "timing mode records no events");
        }
    }
}
