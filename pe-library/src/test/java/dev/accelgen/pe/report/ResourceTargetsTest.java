package dev.accelgen.pe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MixPeUnit;
import dev.accelgen.pe.mixpe.MulForm;
import dev.accelgen.pe.ternary.LaneForm;
import dev.accelgen.pe.ternary.Packing;
import dev.accelgen.pe.ternary.TernaryConfig;
import dev.accelgen.pe.ternary.TernaryUnit;
import dev.accelgen.sim.tools.ResourceCounts;
import dev.accelgen.sim.tools.YosysSynth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resource targets, measured side by side. */
class ResourceTargetsTest {
    private static YosysSynth.Job emit(Design d, Path tmp, boolean noDsp) {
        return YosysSynth.Job.emit(d, tmp.resolve(d.topName()), noDsp);
    }

    @Test
    void ternaryLaneAndShiftAddTargets(@TempDir Path tmp) {
        int lanes = 64;
        List<YosysSynth.Job> jobs = new ArrayList<>();
        for (LaneForm f : new LaneForm[] {LaneForm.LUT6_2, LaneForm.CARRY_IN, LaneForm.NAIVE}) {
            jobs.add(emit(Hdl.elaborate(new TernaryUnit(), new TernaryConfig(lanes, 8, Packing.TWO_BIT, f)), tmp, false));
        }
        int mixLanes = 16;
        YosysSynth.Job shiftAdd = emit(Hdl.elaborate(new MixPeUnit(),
                new MixPeConfig(4, ActType.INT8, 8, mixLanes, 1, MulForm.SHIFT_ADD)), tmp, true);
        jobs.add(shiftAdd);
        jobs.add(new YosysSynth.Job(shiftAdd.files(), shiftAdd.top(), false));
        jobs.add(emit(Hdl.elaborate(new MixPeUnit(), new MixPeConfig(4, ActType.INT8, 8, mixLanes, 1, MulForm.LUT_MUL)),
                tmp, true));
        List<ResourceCounts> r = YosysSynth.synthesize(jobs);
        double lut62 = (double) r.get(0).lut() / lanes;
        double cin = (double) r.get(1).lut() / lanes;
        double naive = (double) r.get(2).lut() / lanes;
        System.out.printf("ternary A8 LUT per lane: lut62 %.2f, carry-in %.2f, naive %.2f%n", lut62, cin, naive);
        double shiftAddLut = (double) r.get(3).lut() / mixLanes;
        double lutMul = (double) r.get(5).lut() / mixLanes;
        System.out.printf("W4A8 LUT per MAC (-nodsp): shift-add %.2f, LUT multiplier %.2f; with DSPs: %.2f LUT, %d DSP%n",
                shiftAddLut, lutMul, (double) r.get(4).lut() / mixLanes, r.get(4).dsp48e2());
        assertTrue(lut62 <= 12, "ternary lane " + lut62);
        assertTrue(lut62 < cin && lut62 < naive);
        assertEquals(0, r.get(0).dsp48e2());
        assertTrue(shiftAddLut < lutMul, shiftAddLut + " vs " + lutMul);
        // the dequantizers: one DSP48E2 per group (16 lanes / group 8), none in the lanes
        assertEquals(2, r.get(4).dsp48e2());
    }
}
