package dev.accelgen.pe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MixPeUnit;
import dev.accelgen.pe.mixpe.MulForm;
import dev.accelgen.pe.ternary.LaneForm;
import dev.accelgen.pe.ternary.Packing;
import dev.accelgen.pe.ternary.TernaryConfig;
import dev.accelgen.pe.ternary.TernaryUnit;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The resource targets, measured side by side in one Yosys run. */
class ResourceTargetsTest {
    @Test
    void ternaryLaneAndShiftAddTargets() throws Exception {
        int lanes = 64;
        List<YosysResources.Job> jobs = new ArrayList<>();
        for (LaneForm f : new LaneForm[] {LaneForm.LUT6_2, LaneForm.CARRY_IN, LaneForm.NAIVE}) {
            jobs.add(new YosysResources.Job(Hdl.elaborate(new TernaryUnit(), new TernaryConfig(lanes, 8, Packing.TWO_BIT, f)), false));
        }
        int mixLanes = 16;
        jobs.add(new YosysResources.Job(Hdl.elaborate(new MixPeUnit(),
                new MixPeConfig(4, ActType.INT8, 8, mixLanes, 1, MulForm.SHIFT_ADD)), false));
        jobs.add(new YosysResources.Job(Hdl.elaborate(new MixPeUnit(),
                new MixPeConfig(4, ActType.INT8, 8, mixLanes, 1, MulForm.SHIFT_ADD)), true));
        jobs.add(new YosysResources.Job(Hdl.elaborate(new MixPeUnit(),
                new MixPeConfig(4, ActType.INT8, 8, mixLanes, 1, MulForm.LUT_MUL)), true));
        List<dev.accelgen.sim.tools.ResourceCounts> r = YosysResources.synthesize(jobs, Files.createTempDirectory("accelgen-targets-"));
        double lut62 = (double) r.get(0).lut() / lanes;
        double cin = (double) r.get(1).lut() / lanes;
        double naive = (double) r.get(2).lut() / lanes;
        System.out.printf("ternary A8 LUT per lane: lut62 %.2f, carry-in %.2f, naive %.2f%n", lut62, cin, naive);
        double shiftAdd = (double) r.get(4).lut() / mixLanes;
        double lutMul = (double) r.get(5).lut() / mixLanes;
        System.out.printf("W4A8 LUT per MAC (-nodsp): shift-add %.2f, LUT multiplier %.2f; with DSPs: %.2f LUT, %d DSP%n",
                shiftAdd, lutMul, (double) r.get(3).lut() / mixLanes, r.get(3).dsp48e2());
        assertTrue(lut62 <= 12, "ternary lane " + lut62);
        assertTrue(lut62 < cin && lut62 < naive);
        assertEquals(0, r.get(0).dsp48e2());
        assertTrue(shiftAdd < lutMul, shiftAdd + " vs " + lutMul);
        // the dequantizers: one DSP48E2 per group (16 lanes / group 8), none in the lanes
        assertEquals(2, r.get(3).dsp48e2());
    }
}
