package dev.accelgen.compiler.backend.lower;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.backend.exec.LirSession;
import dev.accelgen.compiler.backend.lir.ActQuant;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.LirOp.Tag;
import dev.accelgen.compiler.backend.lir.LirText;
import dev.accelgen.compiler.backend.lir.RopeTable;
import dev.accelgen.compiler.backend.lir.StateBuf;
import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.interp.FloatInterpreter;
import dev.accelgen.compiler.interp.SeededInputs;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorType;
import dev.accelgen.compiler.quant.Calibration;
import dev.accelgen.compiler.quant.ErrorStats;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.quant.Scheme;
import dev.accelgen.errors.ModelError;
import dev.accelgen.pe.accel.isa.VecInstr.ActFn;
import dev.accelgen.pe.accel.matrix.QuantWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tiny zoo models and config graphs lower to the LIR the back end expects, op by op. */
class LoweringTest {
    static Graph graph(String model) {
        return ModelLoader.load(model, Map.of(), BuildOptions.synthetic(8, 5)).graph();
    }

    static LirModel lower(String model, String scheme, LowerOptions o) {
        Graph g = graph(model);
        return Lowering.lower(model, g, new QuantPlan(Scheme.parse(scheme), Map.of()), Calibration.ranges(g, Calibration.seededSamples(g, 1, 2)), o);
    }

    static List<Tag> tags(LirModel m) {
        return m.ops().stream().map(LirOp::tag).toList();
    }

    static <T extends LirOp> List<T> ops(LirModel m, Class<T> c) {
        return m.ops().stream().filter(c::isInstance).map(c::cast).toList();
    }

    @Test
    void tinyLlamaIsEmbeddingRopeGroupedAttentionAndSwiGluWithFusedProjections() {
        LirModel m = lower("zoo:tiny-llama", "w4a8", LowerOptions.defaults());
        assertEquals(List.of(Tag.INPUT, Tag.EMBEDDING, Tag.NORM, Tag.LINEAR, Tag.SLICE, Tag.SLICE, Tag.SLICE, Tag.ROPE, Tag.ROPE,
                Tag.ATTENTION, Tag.LINEAR, Tag.BINARY, Tag.NORM, Tag.LINEAR, Tag.SLICE, Tag.SLICE, Tag.ACTIVATION, Tag.BINARY,
                Tag.LINEAR, Tag.BINARY, Tag.NORM, Tag.LINEAR, Tag.OUTPUT), tags(m));
        assertTrue(m.sequence().incremental());
        assertEquals(8, m.sequence().positions());
        LirOp.Linear qkv = ops(m, LirOp.Linear.class).get(0);
        assertEquals(List.of(new LirOp.Part("/q/MatMul", "/q/MatMul_output_0", 0, 32, 0, 1 / Math.sqrt(8)),
                new LirOp.Part("/k/MatMul", "/k/MatMul_output_0", 32, 16, 0, 1),
                new LirOp.Part("/v/MatMul", "/v/MatMul_output_0", 48, 16, 0, 1)), qkv.parts().stream()
                .map(p -> new LirOp.Part(p.node(), p.value(), p.from(), p.cols(), p.valueFrom(), p.factor() == 1 ? 1 : 1 / Math.sqrt(8))).toList());
        assertEquals((float) (1 / Math.sqrt(8)), (float) qkv.parts().get(0).factor());
        assertEquals(32, qkv.p().group());
        assertInstanceOf(ActQuant.PerTensor.class, qkv.p().act());
        LirOp.Attention a = ops(m, LirOp.Attention.class).get(0);
        assertEquals(List.of(4, 2, 8, 64), List.of(a.heads(), a.kvHeads(), a.headDim(), a.keyTile()));
        assertTrue(a.causal());
        assertEquals(List.of(new StateBuf(0, "/MatMul_1.keys", StateBuf.Kind.KEYS, 8, 16), new StateBuf(1, "/MatMul_1.values",
                StateBuf.Kind.VALUES, 8, 16)), m.states());
        for (LirOp.Rope r : ops(m, LirOp.Rope.class)) {
            RopeTable.Generated t = assertInstanceOf(RopeTable.Generated.class, r.table());
            float[] want = {1f, 0.1f, 0.01f, 0.001f};
            for (int i = 0; i < 4; i++) {
                assertEquals(want[i], t.invFreq()[i], 2 * Math.ulp(want[i]), "frequency " + i);
            }
        }
        assertEquals(ActFn.SILU, ops(m, LirOp.Activation.class).get(0).fn());
        assertTrue(m.notes().contains("fused /q/MatMul+/k/MatMul+/v/MatMul into one w4a8 projection of 64 columns (one MM)"), m.notes().toString());
    }

    @Test
    void aDecoderContextIsAnOptionWhenItsRopeFrequenciesAreRecovered() {
        LirModel m = lower("zoo:tiny-llama", "int8", new LowerOptions(4096, 16));
        assertEquals(4096, m.sequence().positions());
        assertEquals(16, ops(m, LirOp.Attention.class).get(0).keyTile());
        assertEquals(4096, m.states().get(0).rows());
    }

    @Test
    void aLongContextScalesValuesSoTheAttentionAccumulatorCannotSaturate() {
        Graph g = graph("zoo:tiny-llama");
        Map<String, Double> ranges = Calibration.ranges(g, Calibration.seededSamples(g, 1, 2));
        double vmax = ranges.get("/MatMul_1#values");
        // 2 x 65535 keys x max|v| must stay below 2^15 after scaling by 2^-s
        int s = (int) Math.floor(Math.log(2 * 65535 * vmax / 32768) / Math.log(2)) + 1;
        assertTrue(s >= 2 && 2 * 65535 * vmax / Math.pow(2, s) < 32768, "max|v| " + vmax + " shift " + s);
        LirModel m = Lowering.lower("x", g, new QuantPlan(Scheme.parse("int8"), Map.of()), ranges, new LowerOptions(65535, 64));
        List<Tag> t = tags(m);
        int at = t.indexOf(Tag.ATTENTION);
        LirOp.Affine up = assertInstanceOf(LirOp.Affine.class, m.ops().get(at + 1));
        assertEquals(65536 << s, up.mul());
        assertEquals(((LirOp.Attention) m.ops().get(at)).out(), up.a());
        LirOp.Part v = ops(m, LirOp.Linear.class).get(0).parts().get(2);
        assertEquals("/v/MatMul", v.node());
        assertEquals(Math.pow(2, -s), v.factor());
        assertTrue(m.notes().contains("attention /MatMul_1_output_0: values scaled by 2^-" + s + " (and its output by 2^" + s
                + ") so that its accumulator stays within Fx over 65535 keys"), m.notes().toString());
        var in = SeededInputs.of(g, 3);
        double cos = ErrorStats.of(new LirSession(m).run(in).outputs().get("output"),
                FloatInterpreter.run(g, in).get("output")).cosine();
        assertTrue(cos >= 0.9998, "scaled values keep the output accurate: cosine " + cos);
    }

    @Test
    void anExpandRepeatOfKeyValueHeadsIsGroupedLikeATile() {
        Graph g = graph("zoo:tiny-llama");
        List<Node> nodes = new ArrayList<>();
        for (Node n : g.nodes()) {
            if (n.op() instanceof Op.Tile) {
                // Hugging Face's repeat_kv: expand [1,2,1,8,8] to [1,2,2,8,8]
                Tensor shape = Tensor.ofLongs(DType.INT64,
                        Shape.of(5), new long[] {1, 2, 2, 8, 8});
                nodes.add(new Node(n.name() + "/shape", new Op.Constant(shape), List.of(),
                        List.of(n.name() + "/shape:0")));
                nodes.add(new Node(n.name(), new Op.Expand(), List.of(n.input(0),
                        n.name() + "/shape:0"), n.outputs()));
            } else {
                nodes.add(n);
            }
        }
        Map<String, TensorType> types = new LinkedHashMap<>(g.types());
        g.nodes().stream().filter(n -> n.op() instanceof Op.Tile).forEach(n -> types.put(n.name() + "/shape:0",
                new TensorType(DType.INT64,
                Shape.of(5))));
        Graph expanded = g.withNodes(nodes, types);
        Map<String, Double> ranges = Calibration.ranges(g, Calibration.seededSamples(g, 1, 2));
        QuantPlan plan = new QuantPlan(Scheme.parse("int8"), Map.of());
        LirModel tiled = Lowering.lower("x", g, plan, ranges, LowerOptions.defaults());
        LirModel viaExpand = Lowering.lower("x", expanded, plan, ranges, LowerOptions.defaults());
        assertEquals(LirText.lines(tiled), LirText.lines(viaExpand));
    }

    @Test
    void tinyMmfreeKeepsItsTernaryProjectionsApartWhenTheirBetasDiffer() {
        LirModel m = lower("zoo:tiny-mmfree", "ternary", LowerOptions.defaults());
        assertEquals(List.of(Tag.INPUT, Tag.NORM, Tag.LINEAR, Tag.LINEAR, Tag.LINEAR, Tag.MLGRU, Tag.LINEAR, Tag.BINARY, Tag.NORM,
                Tag.LINEAR, Tag.LINEAR, Tag.ACTIVATION, Tag.BINARY, Tag.LINEAR, Tag.BINARY, Tag.OUTPUT), tags(m));
        assertTrue(m.sequence().incremental());
        for (LirOp.Linear l : ops(m, LirOp.Linear.class)) {
            assertInstanceOf(ActQuant.PerRow.class, l.p().act());
        }
        assertEquals(List.of(new StateBuf(0, "/Mul_17.h", StateBuf.Kind.RECURRENT, 1, 32)), m.states());
    }

    @Test
    void tinyMoeVitRunsWholeSequencesWithItsPositionTableAndOneMoe() {
        LirModel m = lower("zoo:tiny-moe-vit", "w4a8", new LowerOptions(64, 64));
        assertEquals(List.of(Tag.INPUT, Tag.LINEAR, Tag.BINARY_CONST, Tag.NORM, Tag.LINEAR, Tag.SLICE, Tag.SLICE, Tag.SLICE,
                Tag.ATTENTION, Tag.LINEAR, Tag.BINARY, Tag.NORM, Tag.MOE, Tag.BINARY, Tag.OUTPUT), tags(m));
        assertFalse(m.sequence().incremental());
        assertEquals(16, m.sequence().positions(), "an encoder's sequence is the graph's, whatever the options say");
        LirOp.BinaryConst pos = ops(m, LirOp.BinaryConst.class).get(0);
        assertTrue(pos.byPosition());
        assertEquals(16, pos.b().length);
        LirOp.Moe moe = ops(m, LirOp.Moe.class).get(0);
        assertEquals(List.of(4, 2, 64), List.of(moe.experts(), moe.topK(), moe.up().get(0).n()));
        assertEquals(ActFn.GELU, moe.act());
        assertFalse(ops(m, LirOp.Attention.class).get(0).causal());
        LirOp.Linear qkv = ops(m, LirOp.Linear.class).get(1);
        assertEquals(2, qkv.parts().size(), "q's columns carry the folded scale, k and v's not");
        assertEquals(List.of(0, 32, 32, 64), List.of(qkv.parts().get(0).from(), qkv.parts().get(0).cols(), qkv.parts().get(1).from(),
                qkv.parts().get(1).cols()));
        assertTrue(qkv.p().bias() != null);
    }

    @Test
    void tinyEncoderFoldsBiasesAndTheScaleIntoItsInt8Projections() {
        LirModel m = lower("zoo:tiny-encoder", "int8", LowerOptions.defaults());
        assertEquals(List.of(Tag.INPUT, Tag.LINEAR, Tag.SLICE, Tag.SLICE, Tag.SLICE, Tag.ATTENTION, Tag.LINEAR, Tag.BINARY, Tag.NORM,
                Tag.LINEAR, Tag.ACTIVATION, Tag.LINEAR, Tag.BINARY, Tag.NORM, Tag.OUTPUT), tags(m));
        assertEquals(4, ops(m, LirOp.Linear.class).stream().filter(l -> l.p().bias() != null).count());
        assertEquals(ActFn.GELU, ops(m, LirOp.Activation.class).get(0).fn());
        assertArrayEquals(new int[] {1, 8, 32}, ops(m, LirOp.Output.class).get(0).dims());
    }

    @Test
    void configGraphsLower() {
        LirModel llama = lower("src/test/resources/configs/tiny-llama.config.json", "int8", LowerOptions.defaults());
        assertEquals(2, ops(llama, LirOp.Attention.class).size());
        assertEquals("lm_head/MatMul_107", ops(llama, LirOp.Linear.class).get(ops(llama, LirOp.Linear.class).size() - 1).parts().get(0).node(),
                "the tied LM head (a transposed embedding) is a projection too");
        LirModel hgrn = lower("src/test/resources/configs/tiny-hgrn.config.json", "ternary", LowerOptions.defaults());
        assertEquals(2, ops(hgrn, LirOp.Mlgru.class).size());
        LirModel vit = lower("src/test/resources/configs/tiny-m3vit.config.json", "w4a8", LowerOptions.defaults());
        assertEquals(1, ops(vit, LirOp.Moe.class).size());
    }

    @Test
    void aLongerContextThanAnExplicitTableCoversIsRefused() {
        Graph g = graph("zoo:tiny-llama");
        float[] cos = g.weightData().get("cos").floats().clone();
        cos[3 * 8 + 1] += 0.01f;
        cos[3 * 8 + 5] += 0.01f;
        Map<String, Tensor> data = new LinkedHashMap<>(g.weightData());
        data.put("cos", Tensor.ofFloats(g.weightData().get("cos").shape(), cos));
        Graph bent = g.withWeights(g.weights(), data);
        Map<String, Double> ranges = Calibration.ranges(bent, Calibration.seededSamples(bent, 1, 1));
        LirModel m = Lowering.lower("bent", bent, new QuantPlan(new Scheme.Int8(0, 0), Map.of()), ranges, LowerOptions.defaults());
        assertInstanceOf(RopeTable.Explicit.class, ops(m, LirOp.Rope.class).get(0).table());
        assertTrue(m.notes().contains("RoPE at /Add: the exported table is kept as it is (row 3 pair 1 differs from cos/sin(p * 0.100000) by"
                + " 1.00e-02), which limits the context to its 8 positions"), m.notes().toString());
        ModelError e = assertThrows(ModelError.class, () -> Lowering.lower("bent", bent, new QuantPlan(new Scheme.Int8(0, 0), Map.of()),
                ranges, new LowerOptions(9, 64)));
        assertEquals("bent: a context of 9 positions is longer than the 8 positions the model's exported tables cover", e.getMessage());
    }

    @Test
    void anUnsupportedNodeIsNamedWithItsOp() {
        ModelError e = assertThrows(ModelError.class, () -> lower("src/test/resources/onnx/ops-mix.onnx", "int8", LowerOptions.defaults()));
        assertEquals("src/test/resources/onnx/ops-mix.onnx: node /Clip (Clip): the accelerator back end cannot lower it: no accelerator"
                + " operation computes it", e.getMessage());
    }

    @Test
    void floatLayersRunOnNoMatrixUnit() {
        ModelError e = assertThrows(ModelError.class, () -> lower("zoo:tiny-encoder", "float", LowerOptions.defaults()));
        assertEquals("zoo:tiny-encoder: node /qkv/MatMul (MatMul): the accelerator back end cannot lower it: scheme float runs on no"
                + " matrix unit; give this layer ternary, w{2,3,4,8}a{8,16}, int8 or int8-N:M", e.getMessage());
    }

    @Test
    void fusedProjectionsKeepEachProductsCodesAndMultipliers() {
        Graph g = graph("zoo:tiny-llama");
        Map<String, Double> ranges = Calibration.ranges(g, Calibration.seededSamples(g, 1, 2));
        for (String scheme : new String[] {"w4a8", "int8"}) {
            LirModel m = Lowering.lower("x", g, new QuantPlan(Scheme.parse(scheme), Map.of()), ranges, LowerOptions.defaults());
            LirOp.Linear qkv = ops(m, LirOp.Linear.class).get(0);
            for (LirOp.Part part : qkv.parts()) {
                Node mm = g.nodes().stream().filter(n -> n.name().equals(part.node())).findFirst().orElseThrow();
                double[] factor = new double[part.cols()];
                Arrays.fill(factor, part.factor());
                var alone = Projections.of(Scheme.parse(scheme), g.weightData().get(mm.input(1)), ranges.get(mm.name()), factor, null);
                assertEquals(alone.act(), qkv.p().act(), part.node());
                for (int j = 0; j < part.cols(); j++) {
                    int c = part.from() + j;
                    assertEquals(column(alone.weights(), j), column(qkv.p().weights(), c), part.node() + " column " + j);
                    double fused = qkv.p().m()[c] / Math.pow(2, qkv.p().dShift());
                    double single = alone.m()[j] / Math.pow(2, alone.dShift());
                    assertEquals(single, fused, single * Math.pow(2, -28), part.node() + " multiplier " + j);
                }
            }
        }
    }

    /** Column j's codes (and MixPE scales and zero points) as one list. */
    private static List<Integer> column(QuantWeights w, int j) {
        List<Integer> out = new ArrayList<>();
        if (w instanceof QuantWeights.MixPe m) {
            for (int[] a : new int[][] {m.codes()[j], m.scales()[j], m.zps()[j]}) {
                Arrays.stream(a).forEach(out::add);
            }
        } else {
            Arrays.stream(((QuantWeights.Ints) w).values()[j]).forEach(out::add);
        }
        return out;
    }
}
