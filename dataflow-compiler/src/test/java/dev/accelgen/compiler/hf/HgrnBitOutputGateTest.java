package dev.accelgen.compiler.hf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.compiler.ModelLoader;
import dev.accelgen.compiler.interp.FloatInterpreter;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HGRN-Bit's first token mixer as the reference implementation (MMfreeLM's {@code HGRNBitAttention}) computes it,
 * recomputed here in double from the graph's weights: {@code f = sigmoid(f_proj(x))}, {@code i = silu(i_proj(x)) (1 -
 * f)}, {@code h_t = f_t h_(t-1) + i_t}, {@code o = g_norm(g_proj(x), h) = rmsnorm(g_proj(x)) * weight * h sigmoid(h)},
 * then {@code o_proj}; every BitLinear normalizes its input with its own RMSNorm gain (eps 1e-8) first.
 */
class HgrnBitOutputGateTest {
    private static final int T = 5;

    @Test
    void mixerMatchesTheReferenceFormula() {
        Graph g = ModelLoader.load("src/test/resources/configs/tiny-hgrn.config.json", Map.of(), BuildOptions.synthetic(T, 3)).graph();
        long[] ids = {3, 17, 0, 42, 9};
        Map<String, Tensor> env = FloatInterpreter.runAll(g, Map.of(g.inputs().get(0), Tensor.ofLongs(DType.INT64, Shape.of(1, T), ids)));
        Map<String, Tensor> w = g.weightData();
        int d = 32;
        String s = "model.layers.0";
        double[][] x = new double[T][d];
        for (int t = 0; t < T; t++) {
            for (int j = 0; j < d; j++) {
                x[t][j] = w.get("model.embeddings.weight").floats()[(int) ids[t] * d + j];
            }
        }
        double[] h = new double[d];
        double[][] expected = new double[T][];
        for (int t = 0; t < T; t++) {
            double[] a = rmsNorm(x[t], w.get(s + ".attn_norm.weight").floats(), 1e-6);
            double[] f = bitLinear(w, s + ".attn.f_proj", a);
            double[] i = bitLinear(w, s + ".attn.i_proj", a);
            double[] gp = rmsNorm(bitLinear(w, s + ".attn.g_proj", a), w.get(s + ".attn.g_norm.weight").floats(), 1e-6);
            double[] o = new double[d];
            for (int j = 0; j < d; j++) {
                double fg = sigmoid(f[j]);
                h[j] = fg * h[j] + i[j] * sigmoid(i[j]) * (1 - fg);
                o[j] = gp[j] * h[j] * sigmoid(h[j]);
            }
            double[] y = bitLinear(w, s + ".attn.o_proj", o);
            expected[t] = new double[d];
            for (int j = 0; j < d; j++) {
                expected[t][j] = x[t][j] + y[j];
            }
        }
        Node residual = g.nodes().stream().filter(n -> n.name().startsWith(s + ".attn/ADD")).findFirst().orElseThrow();
        float[] got = env.get(residual.output()).floats();
        for (int t = 0; t < T; t++) {
            for (int j = 0; j < d; j++) {
                assertEquals(expected[t][j], got[t * d + j], 1e-4, "row " + t + " column " + j);
            }
        }
    }

    private static double[] bitLinear(Map<String, Tensor> w, String p, double[] x) {
        double[] n = rmsNorm(x, w.get(p + ".norm.weight").floats(), 1e-8);
        Tensor m = w.get(p + ".weight");
        int out = m.shape().dim(1);
        double[] y = new double[out];
        for (int k = 0; k < n.length; k++) {
            for (int j = 0; j < out; j++) {
                y[j] += n[k] * m.floats()[k * out + j];
            }
        }
        return y;
    }

    private static double[] rmsNorm(double[] x, float[] gain, double eps) {
        double ss = 0;
        for (double v : x) {
            ss += v * v;
        }
        double r = 1 / Math.sqrt(ss / x.length + eps);
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = x[j] * r * gain[j];
        }
        return y;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
