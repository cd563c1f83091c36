package dev.accelgen.pe.report;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.dsp.DspChain;
import dev.accelgen.pe.dsp.DspChainConfig;
import dev.accelgen.pe.dsp.Packing;
import dev.accelgen.pe.dsp.Sparsity;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MixPeUnit;
import dev.accelgen.pe.mixpe.MulForm;
import dev.accelgen.pe.mlgru.MlgruConfig;
import dev.accelgen.pe.mlgru.MlgruUnit;
import dev.accelgen.pe.moe.MoeConfig;
import dev.accelgen.pe.moe.MoeLayer;
import dev.accelgen.pe.rmsnorm.RmsNormConfig;
import dev.accelgen.pe.rmsnorm.RmsNormUnit;
import dev.accelgen.pe.systolic.SystolicArray;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.ternary.LaneForm;
import dev.accelgen.pe.ternary.TernaryConfig;
import dev.accelgen.pe.ternary.TernaryUnit;
import dev.accelgen.sim.files.TempDir;
import dev.accelgen.sim.tools.ResourceCounts;
import dev.accelgen.sim.tools.YosysSynth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-MAC resource table of docs/pe-resources.md and the README, measured with {@link YosysSynth} (the
 * path {@code accelgen pe report} uses): systolic INT8 (DSP), MixPE W4A8 / W4A16(fp16) / W2A8,
 * ternary A8 in its three lane forms and base-3, MLGRU, RMSNorm, the int8x2 DSP chain, an MoE layer, and the
 * W4A8 shift-and-add versus LUT-multiplier comparison (both with {@code -nodsp} so that no lane multiplier can
 * hide in a DSP; the dequantizers are identical in both). {@code accelgen bench resources} prints it.
 */
public final class PeResourceTable {
    private PeResourceTable() {
    }

    /** One measured row: {@code per} is what the per-unit columns divide by (MACs, lanes or elements per cycle). */
    public record Row(String name, long per, ResourceCounts r) {
        public String markdown() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.2f | %.2f | %.3f |", name, per,
                    r.lut(), r.lutMemory(), r.ff(), r.carry4(), r.dsp48e2(), (double) r.lut() / per,
                    (double) r.ff() / per, (double) r.dsp48e2() / per);
        }
    }

    private record Spec(String name, long per, Design design, boolean noDsp) {
    }

    public static String header() {
        return "| unit | MACs/cycle | LUT | of which LUT as memory | FF | CARRY4 | DSP48E2 | LUT/MAC | FF/MAC | DSP/MAC |\n"
                + "|---|---|---|---|---|---|---|---|---|---|";
    }

    public static List<Row> measure(int lanes) {
        List<Spec> specs = specs(lanes);
        try (TempDir work = TempDir.inScratch("resources")) {
            List<YosysSynth.Job> jobs = new ArrayList<>();
            for (Spec s : specs) {
                jobs.add(YosysSynth.Job.emit(s.design(), work.path().resolve("u" + jobs.size()), s.noDsp()));
            }
            List<ResourceCounts> counts = YosysSynth.synthesize(jobs);
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                rows.add(new Row(specs.get(i).name(), specs.get(i).per(), counts.get(i)));
            }
            return rows;
        }
    }

    private static List<Spec> specs(int lanes) {
        int cols = 4;
        long mixMacs = (long) lanes * cols;
        List<Spec> s = new ArrayList<>();
        s.add(new Spec("systolic INT8 8x8 (DSP)", 64, Hdl.elaborate(new SystolicArray(), SystolicConfig.int8(8, 8)), false));
        s.add(new Spec("MixPE W4A8 g32 x4 cols", mixMacs, mixpe(4, ActType.INT8, lanes, cols, MulForm.SHIFT_ADD), false));
        s.add(new Spec("MixPE W4A16(fp16) g32 x4 cols", mixMacs, mixpe(4, ActType.FP16, lanes, cols, MulForm.SHIFT_ADD), false));
        s.add(new Spec("MixPE W2A8 g32 x4 cols", mixMacs, mixpe(2, ActType.INT8, lanes, cols, MulForm.SHIFT_ADD), false));
        for (LaneForm f : new LaneForm[] {LaneForm.LUT6_2, LaneForm.CARRY_IN, LaneForm.NAIVE}) {
            s.add(new Spec("ternary A8 2bit " + f.tag(), lanes, ternary(lanes, dev.accelgen.pe.ternary.Packing.TWO_BIT, f), false));
        }
        s.add(new Spec("ternary A8 base3 lut62", lanes, ternary(lanes, dev.accelgen.pe.ternary.Packing.BASE3, LaneForm.LUT6_2), false));
        s.add(new Spec("MLGRU 8 elements (per element)", 8, Hdl.elaborate(new MlgruUnit(), new MlgruConfig(8, 64)), false));
        s.add(new Spec("RMSNorm n64, 4 lanes (per lane)", 4, Hdl.elaborate(new RmsNormUnit(), new RmsNormConfig(64, 4, 1)), false));
        s.add(new Spec("DSP chain int8x2, length 8, dense", 16,
                Hdl.elaborate(new DspChain(), new DspChainConfig(8, Packing.INT8X2, new Sparsity.Dense())), false));
        s.add(new Spec("MoE layer, 8 experts top-2, 2x4 array", 8,
                Hdl.elaborate(new MoeLayer(), new MoeConfig(8, 2, 16, 2, 4, 16, 20, 4)), false));
        s.add(new Spec("MixPE W4A8 shift-add, 1 col (-nodsp)", lanes, mixpe(4, ActType.INT8, lanes, 1, MulForm.SHIFT_ADD), true));
        s.add(new Spec("MixPE W4A8 LUT multiplier, 1 col (-nodsp)", lanes, mixpe(4, ActType.INT8, lanes, 1, MulForm.LUT_MUL), true));
        return s;
    }

    private static Design mixpe(int wBits, ActType t, int lanes, int cols, MulForm f) {
        return Hdl.elaborate(new MixPeUnit(), new MixPeConfig(wBits, t, Math.min(32, lanes), lanes, cols, f));
    }

    private static Design ternary(int lanes, dev.accelgen.pe.ternary.Packing p, LaneForm f) {
        return Hdl.elaborate(new TernaryUnit(), new TernaryConfig(lanes, 8, p, f));
    }
}
