package dev.accelgen.reports;

import dev.accelgen.reports.data.Block;
import dev.accelgen.reports.data.BoardInfo;
import dev.accelgen.reports.data.BuildInfo;
import dev.accelgen.reports.data.ContextPoint;
import dev.accelgen.reports.data.DesignInfo;
import dev.accelgen.reports.data.Layer;
import dev.accelgen.reports.data.LayerTable;
import dev.accelgen.reports.data.MemoryPort;
import dev.accelgen.reports.data.Performance;
import dev.accelgen.reports.data.Provenance;
import dev.accelgen.reports.data.QuantLayer;
import dev.accelgen.reports.data.Quantization;
import dev.accelgen.reports.data.ReportData;
import dev.accelgen.reports.data.ResourceModel;
import dev.accelgen.reports.data.Resources;
import dev.accelgen.reports.data.SynthModule;
import dev.accelgen.reports.data.Synthesis;
import dev.accelgen.reports.data.Verification;
import dev.accelgen.reports.data.VerificationCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Realistic report data, built the way the back end will build it: a tiny LLaMA compiled for the ZCU104 and verified
 * end to end, llama2-7b estimated on the U280, and a single systolic array as `pe verify` and `pe report` measure it
 * today (figures from docs/pe-resources.md and a real `pe verify systolic --rows 8 --cols 8` run).
 */
public final class ReportFixtures {
    static final Resources ZCU104 = new Resources(230_400, 460_800, 1_728, 312, 96);
    static final Resources U280_SLR0 = new Resources(400_800, 801_600, 2_736, 600, 320);

    private ReportFixtures() {
    }

    static BoardInfo zcu104() {
        return new BoardInfo("zcu104", "xczu7ev-ffvc1156-2-e", ZCU104, "PS DDR4 (S_AXI_HP0_FPD)", 17.0,
                Provenance.specified("board data: fpga-boards zcu104.json", "accelgen boards show zcu104"));
    }

    public static ReportData tinyLlama() {
        String compile = "accelgen compile zoo:tiny-llama --board zcu104 --scheme w4a8";
        String verify = "accelgen verify zoo:tiny-llama --board zcu104 --scheme w4a8 --seed 1 --decode-steps 4";
        DesignInfo design = new DesignInfo(150, 256, List.of(new MemoryPort("m0", 128, "HP0"), new MemoryPort("m1", 128, "HP1")),
                Provenance.specified("hw.json: 1 MixPE W4A8 unit (64 lanes x 4 columns), 16 vector lanes", compile));
        BuildInfo build = new BuildInfo("zoo:tiny-llama on zcu104 (w4a8)", "zoo:tiny-llama", "w4a8", "0.1.0", zcu104(), design);
        Provenance timing = Provenance.modelled("golden timing model (AccelModel, timing-only)", compile);
        List<Layer> layers = new ArrayList<>();
        for (String phase : List.of("prefill", "decode")) {
            int t = phase.equals("prefill") ? 8 : 1;
            for (int b = 0; b < 2; b++) {
                String p = phase + "/blk" + b + ".";
                layers.add(vector(phase, p + "attn_norm", 12 + 10 * t));
                layers.add(projection(phase, p + "qkv_proj", t, 64, 192));
                layers.add(vector(phase, p + "rope", 20 + 12 * t));
                layers.add(new Layer(p + "attention", phase, "vector", 140 + 90 * t, 24L, 0, 0, 2_048L * t));
                layers.add(projection(phase, p + "o_proj", t, 64, 64));
                layers.add(vector(phase, p + "ffn_norm", 12 + 10 * t));
                layers.add(projection(phase, p + "gate_up_proj", t, 64, 352));
                layers.add(projection(phase, p + "down_proj", t, 176, 64));
            }
            layers.add(projection(phase, phase + "/lm_head", 1, 64, 256));
        }
        Resources mixpe = new Resources(12_236, 1_382, 8, 0, 0);
        Resources vectorUnit = new Resources(21_904, 18_210, 48, 0, 0);
        Resources core = new Resources(11_720, 6_989, 6, 14.5, 8);
        ResourceModel model = new ResourceModel(List.of(new Block("mm0_mixpe", mixpe), new Block("vector_unit", vectorUnit),
                new Block("core", core)), Provenance.modelled("per-unit resource models calibrated against Yosys", compile));
        Provenance yosys = Provenance.measured("Yosys 0.23 synth_xilinx -family xcup", "accelgen demo --out out/demo");
        Synthesis synth = new Synthesis(
                new SynthModule("accel_top", new Resources(47_115, 27_044, 62, 14.5, 8), Map.ofEntries(Map.entry("LUT6", 18_331L),
                        Map.entry("LUT5", 9_120L), Map.entry("LUT4", 8_220L), Map.entry("LUT3", 6_002L), Map.entry("LUT2", 4_310L),
                        Map.entry("LUT1", 1_132L), Map.entry("FDRE", 26_870L), Map.entry("FDSE", 174L), Map.entry("DSP48E2", 62L),
                        Map.entry("RAMB36E2", 14L), Map.entry("RAMB18E2", 1L), Map.entry("URAM288", 8L))),
                List.of(new SynthModule("mm0_mixpe", new Resources(11_709, 1_402, 8, 0, 0), Map.of("LUT6", 5_000L, "LUT5", 6_709L,
                        "FDRE", 1_402L, "DSP48E2", 8L)),
                        new SynthModule("core", new Resources(11_720, 6_989, 6, 14.5, 8), Map.of("LUT6", 11_720L, "FDRE", 6_989L,
                                "DSP48E2", 6L, "RAMB36E2", 14L, "RAMB18E2", 1L, "URAM288", 8L))), yosys);
        Performance perf = new Performance(8, 16, 61_250, 9_984L, 75_776L, List.of(
                new ContextPoint(8, 61_250, 9_912L), new ContextPoint(16, 118_400, 9_984L), new ContextPoint(32, 236_880, 10_128L),
                new ContextPoint(64, 482_300, 10_416L), new ContextPoint(128, 1_001_900, 10_992L)), timing);
        Verification verification = new Verification(
                Provenance.measured("Verilator 5.006 2023-01-22", verify),
                Provenance.modelled("golden model (AccelModel)", verify),
                Map.of("verilator", "Verilator 5.006 2023-01-22", "java", "17.0.13", "accelgen", "0.1.0"),
                List.of(new VerificationCase("tiny-llama prefill + 4 decode steps", VerificationCase.Level.END_TO_END, true,
                                101_186, 101_186, 2_560, 1, verify, ""),
                        new VerificationCase("matrix engine mm0 (mixpe)", VerificationCase.Level.BLOCK, true, 18_432, 18_432, 4_096, 7,
                                "accelgen regress smoke --case block/mm0", ""),
                        new VerificationCase("vector engine (attention)", VerificationCase.Level.BLOCK, true, 9_211, 9_211, 1_024, 7,
                                "accelgen regress smoke --case block/vattn", ""),
                        new VerificationCase("mixpe W4A8 group 32, 4 columns", VerificationCase.Level.UNIT, true, 1_412, 1_412, 320, 11,
                                "accelgen pe verify mixpe --w-bits 4 --a-type int8 --group 32 --lanes 64 --cols 4 --seed 11", "")));
        Quantization quant = new Quantization("float interpreter (checked against onnxruntime 1.29.0)", List.of(
                q("blk0.qkv_proj", "w4a8", 0.0112, 0.99987), q("blk0.o_proj", "w4a8", 0.0143, 0.99979),
                q("blk0.gate_up_proj", "w4a8", 0.0188, 0.99962), q("blk0.down_proj", "w4a8", 0.0231, 0.99941),
                q("blk1.qkv_proj", "w4a8", 0.0127, 0.99983), q("blk1.o_proj", "w4a8", 0.0162, 0.99974),
                q("blk1.gate_up_proj", "w4a8", 0.0204, 0.99955), q("blk1.down_proj", "w4a8", 0.0269, 0.99930),
                q("lm_head", "w4a8", 0.0301, 0.99921)),
                List.of(new QuantLayer("logits", "", "", 0.0418, 0.0316, 0.99912)),
                Provenance.measured("quantized interpreter against the float interpreter", "accelgen model run zoo:tiny-llama --scheme w4a8"));
        return ReportData.of(build).withLayers(new LayerTable(layers, timing)).withResourceModel(model).withSynthesis(synth)
                .withPerformance(perf).withVerification(verification).withQuantization(quant);
    }

    /** llama2-7b decode estimated on the U280: no synthesis, no verification, one decoder layer's figures. */
    public static ReportData llama7bU280() {
        String estimate = "accelgen estimate zoo:llama2-7b --board u280 --scheme w4a8 --prompt-len 128 --context 512";
        List<MemoryPort> ports = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            ports.add(new MemoryPort("m" + i, 256, "HBM[" + i + "]"));
        }
        DesignInfo design = new DesignInfo(300, 4_096, ports,
                Provenance.specified("hw.json: 4 MixPE W4A8 units (256 lanes x 4 columns), 64 vector lanes, 32 HBM ports", estimate));
        BoardInfo board = new BoardInfo("u280", "xcu280-fsvh2892-2L-e", U280_SLR0, "HBM2, 32 pseudo-channels", 460,
                Provenance.specified("board data: fpga-boards u280.json (SLR0 budget)", "accelgen boards show u280"));
        BuildInfo build = new BuildInfo("zoo:llama2-7b on u280 (w4a8), estimate", "zoo:llama2-7b", "w4a8", "0.1.0", board, design);
        Provenance timing = Provenance.modelled("golden timing model (AccelModel, timing-only)", estimate);
        List<Layer> layers = new ArrayList<>();
        String p = "decode/blk0.";
        layers.add(new Layer(p + "attn_norm", "decode", "vector", 120, 0L, 0, 0, 0));
        layers.add(new Layer(p + "qkv_proj", "decode", "mm0 mixpe", 29_970, 17_410L, 50_331_648, 4_096, 25_165_824));
        layers.add(new Layer(p + "rope", "decode", "vector", 260, 0L, 0, 0, 0));
        layers.add(new Layer(p + "attention", "decode", "vector", 5_200, 1_630L, 0, 0, 4_194_304));
        layers.add(new Layer(p + "o_proj", "decode", "mm0 mixpe", 9_990, 5_800L, 16_777_216, 4_096, 8_388_608));
        layers.add(new Layer(p + "ffn_norm", "decode", "vector", 120, 0L, 0, 0, 0));
        layers.add(new Layer(p + "gate_up_proj", "decode", "mm0 mixpe", 53_700, 31_060L, 90_177_536, 4_096, 45_088_768));
        layers.add(new Layer(p + "down_proj", "decode", "mm0 mixpe", 26_850, 15_530L, 45_088_768, 4_096, 22_544_384));
        ResourceModel model = new ResourceModel(List.of(new Block("mm_mixpe_x4", new Resources(191_000, 22_400, 128, 0, 0)),
                new Block("vector_unit", new Resources(84_200, 71_900, 192, 0, 0)),
                new Block("core", new Resources(20_873, 10_546, 6, 0, 12)),
                new Block("buffers", new Resources(1_200, 800, 0, 96, 160))),
                Provenance.modelled("per-unit resource models calibrated against Yosys", estimate));
        Performance perf = new Performance(128, 512, 234_100_000, 4_402_000L, 3_540_000_000L, List.of(
                new ContextPoint(128, 234_100_000, 4_351_000L), new ContextPoint(256, 470_600_000, 4_368_000L),
                new ContextPoint(512, 951_300_000, 4_402_000L), new ContextPoint(1024, 1_930_000_000, 4_470_000L),
                new ContextPoint(2048, 3_980_000_000L, 4_606_000L), new ContextPoint(4096, 8_410_000_000L, 4_878_000L)), timing);
        return ReportData.of(build).withLayers(new LayerTable(layers, timing)).withResourceModel(model).withPerformance(perf);
    }

    /**
     * What exists today: the INT8 8x8 systolic array, Yosys counts from docs/pe-resources.md (97.1 LUT, 85.1 FF and 1
     * DSP per MAC over 64 MACs) and a `pe verify` run.
     */
    public static ReportData systolicToday() {
        String verify = "accelgen pe verify systolic --rows 8 --cols 8 --vectors 50 --seed 1";
        BuildInfo build = new BuildInfo("INT8 systolic array 8x8", "systolic 8x8", "", "0.1.0", zcu104(),
                new DesignInfo(100, 64, List.of(), Provenance.specified("unit configuration: 8 x 8 INT8 PEs",
                        "accelgen pe gen systolic --rows 8 --cols 8 --out out/sa8")));
        return ReportData.of(build)
                .withSynthesis(new Synthesis(new SynthModule("systolic_array_8x8", new Resources(6_214, 5_446, 64, 0, 0),
                        Map.of("LUT2", 1_720L, "LUT3", 1_302L, "LUT4", 998L, "LUT5", 1_010L, "LUT6", 1_184L, "FDRE", 5_446L,
                                "DSP48E2", 64L, "CARRY4", 384L)), List.of(),
                        Provenance.measured("Yosys 0.23 synth_xilinx -family xcup",
                                "accelgen pe report systolic --rows 8 --cols 8 --json")))
                .withVerification(new Verification(Provenance.measured("Verilator 5.006 2023-01-22", verify),
                        Provenance.modelled("golden model (SystolicGolden)", verify),
                        Map.of("verilator", "Verilator 5.006 2023-01-22"),
                        List.of(new VerificationCase("systolic 8x8, 50 tiles", VerificationCase.Level.UNIT, true, 1_329, 1_329,
                                3_200, 1, verify, ""))));
    }

    /**
     * Small enough to work out by hand: 100 MHz, 16 MAC lanes, one 64-bit port (0.8 GB/s), a 10 GB/s board; one
     * matrix layer (2,400 MACs in 200 cycles: 75% utilization, 6 operations per byte, 2.4 GOP/s) and one vector layer.
     */
    public static ReportData small() {
        Provenance model = Provenance.modelled("golden timing model (AccelModel, timing-only)", "accelgen estimate m --board b");
        BuildInfo build = new BuildInfo("m on b", "m", "int8", "0.1.0",
                new BoardInfo("b", "p", new Resources(1000, 2000, 10, 5, 2), "DDR4", 10,
                        Provenance.specified("board data", "accelgen boards show b")),
                new DesignInfo(100, 16, List.of(new MemoryPort("m0", 64, "DDR")), Provenance.specified("hw.json", "accelgen compile m --board b")));
        return ReportData.of(build)
                .withLayers(new LayerTable(List.of(new Layer("L1", "decode", "mm0", 200, 50L, 2400, 16, 800),
                        new Layer("L2", "decode", "vector", 100, 0L, 0, 0, 0)), model))
                .withResourceModel(new ResourceModel(List.of(new Block("mm", new Resources(300, 400, 8, 1.5, 0)),
                        new Block("vec", new Resources(100, 200, 0, 0, 1))), Provenance.modelled("resource model", "accelgen compile m --board b")))
                .withPerformance(new Performance(4, 8, 1000, 300L, 1200L, List.of(new ContextPoint(4, 1000, 290L),
                        new ContextPoint(8, 2000, 300L)), model));
    }

    private static Layer vector(String phase, String name, long cycles) {
        return new Layer(name, phase, "vector", cycles, 0L, 0, 0, 0);
    }

    /** A W4A8 projection on the 256-lane MixPE: weights streamed once (half a byte each), 8 extra cycles per pass. */
    private static Layer projection(String phase, String name, int tokens, int k, int n) {
        long macs = (long) tokens * k * n;
        long bytes = (long) k * n / 2 + (long) n * (k / 32) * 2 + 4L * tokens * (k + n);
        long compute = (macs + 255) / 256 + 8;
        long load = bytes / 32;
        long cycles = Math.max(compute, load) + 16;
        long stall = Math.max(0, load - compute);
        return new Layer(name, phase, "mm0 mixpe", cycles, stall, macs, 256, bytes);
    }

    private static QuantLayer q(String name, String scheme, double maxRel, double cosine) {
        return new QuantLayer(name, name.replace("_proj", "_proj.weight"), scheme, maxRel * 3.1, maxRel, cosine);
    }
}
