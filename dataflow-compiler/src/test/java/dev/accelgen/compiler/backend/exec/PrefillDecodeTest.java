package dev.accelgen.compiler.backend.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lower.LowerOptions;
import dev.accelgen.compiler.backend.lower.Lowering;
import dev.accelgen.compiler.hf.BuildOptions;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.quant.Calibration;
import dev.accelgen.compiler.quant.QuantPlan;
import dev.accelgen.compiler.quant.Scheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A prefill of P rows followed by one-row decode steps gives every row, and every KV cache and recurrent state, bit for
 * bit as one run over the whole sequence: state carries over, attention tiles lie at absolute key positions. Sequences
 * longer than the graph's own (generated RoPE rows) and key tiles smaller than the prefill cross tile boundaries
 * inside a run and between runs.
 */
class PrefillDecodeTest {
    static final long SEED = Long.getLong("accelgen.seed", 11);

    @ParameterizedTest
    @CsvSource({"zoo:tiny-llama,w4a8,8,64,5", "zoo:tiny-llama,int8-2:4,8,64,1", "zoo:tiny-llama,ternary,40,8,21", "zoo:tiny-llama,int8,40,3,9",
            "zoo:tiny-mmfree,ternary,8,64,3", "zoo:tiny-mmfree,w4a16,24,64,12",
            "src/test/resources/configs/tiny-llama.config.json,w4a8,33,4,17", "src/test/resources/configs/tiny-hgrn.config.json,ternary,16,64,7",
            "src/test/resources/configs/tiny-mistral.config.json,int8,12,2,5", "src/test/resources/configs/tiny-qwen2.config.json,w4a8,12,4,6"})
    void prefillThenDecodeEqualsOneRun(String model, String scheme, int tokens, int keyTile, int prefill) {
        System.out.println("seed=" + SEED + " (-Daccelgen.seed)");
        Graph g = ModelLoader.load(model, Map.of(), BuildOptions.synthetic(8, 5)).graph();
        Map<String, Double> ranges = Calibration.ranges(g, Calibration.seededSamples(g, 1, 2));
        LirModel lir = Lowering.lower(model, g, new QuantPlan(Scheme.parse(scheme), Map.of()), ranges, new LowerOptions(tokens, keyTile));
        Map<String, Tensor> all = inputs(lir, g, tokens, new Random(SEED));
        LirSession one = new LirSession(lir);
        Map<String, int[][]> whole = one.run(all).fxOutputs();
        LirSession s = new LirSession(lir);
        List<int[]> rows = new ArrayList<>(List.of(s.run(rows(all, 0, prefill)).fxOutputs().get(g.outputs().get(0))));
        while (s.position() < tokens) {
            rows.addAll(List.of(s.run(rows(all, s.position(), s.position() + 1)).fxOutputs().get(g.outputs().get(0))));
        }
        int[][] full = whole.get(g.outputs().get(0));
        assertEquals(tokens, rows.size());
        for (int t = 0; t < tokens; t++) {
            assertArrayEquals(full[t], rows.get(t), model + " " + scheme + " row " + t);
        }
        for (int i = 0; i < lir.states().size(); i++) {
            assertArrayEquals(one.state(i), s.state(i), model + " " + scheme + " state " + lir.states().get(i).name());
        }
    }

    /** Random inputs of {@code tokens} rows: token ids below the vocabulary, or normal floats. */
    static Map<String, Tensor> inputs(LirModel lir, Graph g, int tokens, Random rng) {
        Map<String, Tensor> in = new java.util.LinkedHashMap<>();
        for (LirOp.Input i : lir.inputs()) {
            if (g.type(i.name()).dtype() == DType.FLOAT32) {
                float[] f = new float[tokens * i.out().cols()];
                for (int k = 0; k < f.length; k++) {
                    f[k] = (float) rng.nextGaussian();
                }
                in.put(i.name(), Tensor.ofFloats(Shape.of(1, tokens, i.out().cols()), f));
            } else {
                int vocab = lir.ops().stream().filter(o -> o instanceof LirOp.Embedding).map(o -> ((LirOp.Embedding) o).table().length)
                        .findFirst().orElseThrow();
                long[] ids = new long[tokens];
                for (int k = 0; k < tokens; k++) {
                    ids[k] = rng.nextInt(vocab);
                }
                in.put(i.name(), Tensor.ofLongs(DType.INT64, Shape.of(1, tokens), ids));
            }
        }
        return in;
    }

    /** Rows [from, to) of every input. */
    static Map<String, Tensor> rows(Map<String, Tensor> all, int from, int to) {
        Map<String, Tensor> out = new java.util.LinkedHashMap<>();
        all.forEach((name, x) -> {
            if (x.isFloating()) {
                int c = x.shape().dim(-1);
                out.put(name, Tensor.ofFloats(Shape.of(1, to - from, c), java.util.Arrays.copyOfRange(x.floats(), from * c, to * c)));
            } else {
                out.put(name, Tensor.ofLongs(x.dtype(), Shape.of(1, to - from), java.util.Arrays.copyOfRange(x.longs(), from, to)));
            }
        });
        return out;
    }
}
