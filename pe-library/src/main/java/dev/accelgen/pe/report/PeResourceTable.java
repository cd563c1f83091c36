package dev.accelgen.pe.report;

import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.mixpe.ActType;
import dev.accelgen.pe.mixpe.MixPeConfig;
import dev.accelgen.pe.mixpe.MixPeUnit;
import dev.accelgen.pe.mixpe.MulForm;
import dev.accelgen.pe.mlgru.MlgruConfig;
import dev.accelgen.pe.mlgru.MlgruUnit;
import dev.accelgen.pe.rmsnorm.RmsNormConfig;
import dev.accelgen.pe.rmsnorm.RmsNormUnit;
import dev.accelgen.pe.systolic.SystolicArray;
import dev.accelgen.pe.systolic.SystolicConfig;
import dev.accelgen.pe.ternary.LaneForm;
import dev.accelgen.pe.ternary.Packing;
import dev.accelgen.pe.ternary.TernaryConfig;
import dev.accelgen.pe.ternary.TernaryUnit;
import dev.accelgen.sim.files.TempDir;
import dev.accelgen.sim.tools.ResourceCounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-MAC resource table of docs/pe-resources.md, measured in one Yosys run: systolic INT8
 * (DSP), MixPE W4A8 / W4A16(fp16) / W2A8, ternary A8 in its three lane forms, and the W4A8
 * shift-and-add versus LUT-multiplier comparison (both with {@code -nodsp} so that no lane multiplier
 * can hide in a DSP; the dequantizers are identical in both). Run: {@code PeResourceTable [lanes]}.
 */
public final class PeResourceTable {
    private PeResourceTable() {
    }

    /** One measured row. */
    public record Row(String name, long macs, ResourceCounts r) {
        public String markdown() {
            return String.format("| %s | %d | %d | %d | %d | %d | %.2f | %.2f | %.3f |", name, macs, r.lut(), r.ff(),
                    r.carry4(), r.dsp48e2(), (double) r.lut() / macs, (double) r.ff() / macs, (double) r.dsp48e2() / macs);
        }
    }

    public static List<Row> measure(int lanes, Path work) {
        List<String> names = new ArrayList<>();
        List<Long> macs = new ArrayList<>();
        List<YosysResources.Job> jobs = new ArrayList<>();
        add(names, macs, jobs, "systolic INT8 8x8 (DSP)", 64, Hdl.elaborate(new SystolicArray(), SystolicConfig.int8(8, 8)), false);
        int cols = 4;
        long mixMacs = (long) lanes * cols;
        add(names, macs, jobs, "MixPE W4A8 g32 x4 cols", mixMacs, mixpe(4, ActType.INT8, lanes, cols, MulForm.SHIFT_ADD), false);
        add(names, macs, jobs, "MixPE W4A16(fp16) g32 x4 cols", mixMacs, mixpe(4, ActType.FP16, lanes, cols, MulForm.SHIFT_ADD), false);
        add(names, macs, jobs, "MixPE W2A8 g32 x4 cols", mixMacs, mixpe(2, ActType.INT8, lanes, cols, MulForm.SHIFT_ADD), false);
        for (LaneForm f : new LaneForm[] {LaneForm.LUT6_2, LaneForm.CARRY_IN, LaneForm.NAIVE}) {
            add(names, macs, jobs, "ternary A8 2bit " + f.tag(), lanes,
                    Hdl.elaborate(new TernaryUnit(), new TernaryConfig(lanes, 8, Packing.TWO_BIT, f)), false);
        }
        add(names, macs, jobs, "ternary A8 base3 lut62", lanes,
                Hdl.elaborate(new TernaryUnit(), new TernaryConfig(lanes, 8, Packing.BASE3, LaneForm.LUT6_2)), false);
        add(names, macs, jobs, "MLGRU 8 elements (per element)", 8,
                Hdl.elaborate(new MlgruUnit(), new MlgruConfig(8, 64)), false);
        add(names, macs, jobs, "RMSNorm n64, 4 lanes (per lane)", 4,
                Hdl.elaborate(new RmsNormUnit(), new RmsNormConfig(64, 4, 1)), false);
        add(names, macs, jobs, "MixPE W4A8 shift-add, 1 col (-nodsp)", lanes, mixpe(4, ActType.INT8, lanes, 1, MulForm.SHIFT_ADD), true);
        add(names, macs, jobs, "MixPE W4A8 LUT multiplier, 1 col (-nodsp)", lanes, mixpe(4, ActType.INT8, lanes, 1, MulForm.LUT_MUL), true);
        List<ResourceCounts> res = YosysResources.synthesize(jobs, work);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < res.size(); i++) {
            rows.add(new Row(names.get(i), macs.get(i), res.get(i)));
        }
        return rows;
    }

    private static Design mixpe(int wBits, ActType t, int lanes, int cols, MulForm f) {
        return Hdl.elaborate(new MixPeUnit(), new MixPeConfig(wBits, t, Math.min(32, lanes), lanes, cols, f));
    }

    private static void add(List<String> names, List<Long> macs, List<YosysResources.Job> jobs, String name, long m,
            Design d, boolean noDsp) {
        names.add(name);
        macs.add(m);
        jobs.add(new YosysResources.Job(d, noDsp));
    }

    public static String header() {
        return "| unit | MACs/cycle | LUT | FF | CARRY4 | DSP48E2 | LUT/MAC | FF/MAC | DSP/MAC |\n"
                + "|---|---|---|---|---|---|---|---|---|";
    }

    public static void main(String[] args) {
        int lanes = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        System.out.println(header());
        try (TempDir work = TempDir.inScratch("resources")) {
            for (Row r : measure(lanes, work.path())) {
                System.out.println(r.markdown());
            }
        }
    }
}
