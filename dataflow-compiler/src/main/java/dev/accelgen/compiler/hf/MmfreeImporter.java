package dev.accelgen.compiler.hf;

import dev.accelgen.compiler.hf.GraphBuilder.Init;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.TensorType;
import java.util.List;

/**
 * The MatMul-free LM ({@code HGRNBitForCausalLM}, model_type {@code hgrn_bit}). Per layer: RMSNorm, the MLGRU
 * token mixer as the reference implementation computes it (BitLinear f/c projections, the recurrence
 * {@code h = f h + (1 - f) silu(c)} whose output is h, the output gate {@code g_norm(g_proj(x), h) = rmsnorm(g_proj(x)) *
 * weight * silu(h)}, an RMSNorm with a swish gate, and the BitLinear output projection), RMSNorm,
 * and the GLU channel mixer (one BitLinear to 2 x intermediate, split, SwiGLU, BitLinear down). Every BitLinear
 * carries its own input RMSNorm gain (eps 1e-8), as in the reference implementation. Intermediate size defaults to
 * {@code 256 * ceil(hidden * hidden_ratio * 2/3 / 256)}. Synthetic BitLinear weights are exactly ternary (the
 * model's inference-time function). The per-layer forget-gate lower bounds
 * ({@code use_lower_bound}) are not modelled.
 */
public final class MmfreeImporter {
    private static final float BITLINEAR_EPS = 1e-8f;

    private MmfreeImporter() {
    }

    public static Graph build(HfConfig c, BuildOptions o) {
        int d = c.requireInt("hidden_size");
        int layers = c.requireInt("num_hidden_layers");
        int vocab = c.requireInt("vocab_size");
        int ratio = c.optInt("hidden_ratio", 4);
        int expand = c.optInt("expand_ratio", 1);
        c.check(d > 0, "hidden_size", d, "> 0");
        c.check(layers > 0, "num_hidden_layers", layers, "> 0");
        c.check(vocab > 0, "vocab_size", vocab, "> 0");
        c.check(ratio > 0, "hidden_ratio", ratio, "> 0");
        c.check(expand == 1, "expand_ratio", expand, "1 (the MLGRU state has the hidden width)");
        c.check(!c.optBool("use_short_conv", false), "use_short_conv", true, "false (short convolutions are not supported)");
        int inter = c.has("intermediate_size") ? c.requireInt("intermediate_size")
                : 256 * ((d * ratio * 2 / 3 + 255) / 256);
        float eps = (float) c.optDouble("rms_norm_eps", 1e-6);
        GraphBuilder b = new GraphBuilder("mmfreelm", o.mode(), o.seed());
        int t = o.seqLen();
        String ids = b.input("input_ids", new TensorType(DType.INT64, Shape.of(1, t)));
        String x = b.gather("embed", b.weight("model.embeddings.weight", Init.SMALL, vocab, d), ids);
        for (int l = 0; l < layers; l++) {
            String s = "model.layers." + l;
            String h = b.rmsNorm(s + ".attn_norm", x, b.weight(s + ".attn_norm.weight", Init.GAIN, d), eps);
            String f = bitLinear(b, s + ".attn.f_proj", h, d, d);
            String cc = bitLinear(b, s + ".attn.i_proj", h, d, d);
            String m = b.mlgru(s + ".attn", f, cc);
            String g = b.rmsNorm(s + ".attn.g_norm", bitLinear(b, s + ".attn.g_proj", h, d, d), b.weight(s + ".attn.g_norm.weight", Init.GAIN, d), eps);
            m = b.swiGlu(s + ".attn.g_norm", m, g);
            x = b.binary(s + ".attn", BinaryKind.ADD, x, bitLinear(b, s + ".attn.o_proj", m, d, d));
            h = b.rmsNorm(s + ".mlp_norm", x, b.weight(s + ".mlp_norm.weight", Init.GAIN, d), eps);
            List<String> gu = b.split(s + ".mlp", bitLinear(b, s + ".mlp.gate_proj", h, d, 2 * inter), 2, 2);
            String y = bitLinear(b, s + ".mlp.down_proj", b.swiGlu(s + ".mlp", gu.get(0), gu.get(1)), inter, d);
            x = b.binary(s + ".mlp", BinaryKind.ADD, x, y);
        }
        x = b.rmsNorm("model.norm", x, b.weight("model.norm.weight", Init.GAIN, d), eps);
        return b.build(bitLinear(b, "lm_head", x, d, vocab));
    }

    /** RMSNorm with its own gain, then a ternary-able [in, out] matrix. */
    static String bitLinear(GraphBuilder b, String s, String x, int in, int out) {
        String n = b.rmsNorm(s + ".norm", x, b.weight(s + ".norm.weight", Init.GAIN, in), BITLINEAR_EPS);
        return b.matmul(s, n, b.weight(s + ".weight", Init.TERNARY, in, out));
    }
}
