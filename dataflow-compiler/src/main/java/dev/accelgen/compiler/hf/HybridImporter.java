package dev.accelgen.compiler.hf;

import dev.accelgen.compiler.hf.GraphBuilder.Init;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.TensorType;

/**
 * A decoder whose blocks need every matrix and routing unit of the accelerator ({@code architectures:
 * ["AccelgenHybrid"]}, model_type {@code accelgen_hybrid}): embedding; a MatMul-free token mixer in the paper's form
 * (BitLinear f/c/g projections, the MLGRU with its sigmoid output gate, RMSNorm, BitLinear output projection); a LLaMA attention block (RMSNorm,
 * q/k/v, RoPE, causal attention, output projection); a top-k mixture-of-experts feed-forward (RMSNorm, router, GELU
 * experts with biases, gates = softmax of the picked logits); final RMSNorm and LM head; each block residual. Keys:
 * hidden_size, num_attention_heads, vocab_size, num_experts, num_experts_per_tok, expert_intermediate_size,
 * rms_norm_eps, rope_theta. Which unit runs which projection is the quantization plan's choice (the zoo ships one:
 * {@code zoo/tiny-hybrid.plan.json}).
 */
public final class HybridImporter {
    private HybridImporter() {
    }

    public static Graph build(HfConfig c, BuildOptions o) {
        int d = c.requireInt("hidden_size");
        int heads = c.requireInt("num_attention_heads");
        int vocab = c.requireInt("vocab_size");
        int experts = c.requireInt("num_experts");
        int topK = c.requireInt("num_experts_per_tok");
        int inter = c.requireInt("expert_intermediate_size");
        c.check(d > 0, "hidden_size", d, "> 0");
        c.check(heads > 0 && d % heads == 0 && d / heads % 2 == 0, "num_attention_heads", heads,
                "> 0, dividing hidden_size " + d + " into even head sizes (rotary halves)");
        c.check(vocab > 0, "vocab_size", vocab, "> 0");
        c.check(experts > 0, "num_experts", experts, "> 0");
        c.check(topK >= 1 && topK <= experts, "num_experts_per_tok", topK, "in 1.." + experts);
        c.check(inter > 0, "expert_intermediate_size", inter, "> 0");
        float eps = (float) c.optDouble("rms_norm_eps", 1e-6);
        double theta = c.optDouble("rope_theta", 10000);
        c.check(theta > 1, "rope_theta", theta, "> 1");
        int hd = d / heads;
        int t = o.seqLen();
        GraphBuilder b = new GraphBuilder("hybrid", o.mode(), o.seed());
        String ids = b.input("input_ids", new TensorType(DType.INT64, Shape.of(1, t)));
        String x = b.gather("embed", b.weight("model.embed_tokens.weight", Init.SMALL, vocab, d), ids);

        String s = "model.mixer";
        String h = b.rmsNorm(s + ".norm", x, b.weight(s + ".norm.weight", Init.GAIN, d), eps);
        String m = b.mlgru(s, MmfreeImporter.bitLinear(b, s + ".f_proj", h, d, d), MmfreeImporter.bitLinear(b, s + ".i_proj", h, d, d),
                MmfreeImporter.bitLinear(b, s + ".g_proj", h, d, d));
        m = b.rmsNorm(s + ".g_norm", m, b.weight(s + ".g_norm.weight", Init.GAIN, d), eps);
        x = b.binary(s, BinaryKind.ADD, x, MmfreeImporter.bitLinear(b, s + ".o_proj", m, d, d));

        s = "model.attn";
        float[][] table = LlamaImporter.ropeTables(t, hd, theta);
        String cos = b.constant("rope.cos", table[0], t, hd);
        String sin = b.constant("rope.sin", table[1], t, hd);
        h = b.rmsNorm(s + ".norm", x, b.weight(s + ".norm.weight", Init.GAIN, d), eps);
        String q = LlamaImporter.rope(b, s + ".q", LlamaImporter.heads(b, s + ".q", projection(b, s + ".q_proj", h, d), t, heads, hd), cos, sin, hd);
        String k = LlamaImporter.rope(b, s + ".k", LlamaImporter.heads(b, s + ".k", projection(b, s + ".k_proj", h, d), t, heads, hd), cos, sin, hd);
        String v = LlamaImporter.heads(b, s + ".v", projection(b, s + ".v_proj", h, d), t, heads, hd);
        String a = b.attention(s, q, k, v, (float) (1 / Math.sqrt(hd)), true);
        a = b.reshape(s, b.transpose(s, a, 0, 2, 1, 3), 1, t, d);
        x = b.binary(s, BinaryKind.ADD, x, projection(b, s + ".o_proj", a, d));

        s = "model.moe";
        h = b.rmsNorm(s + ".norm", x, b.weight(s + ".norm.weight", Init.GAIN, d), eps);
        String y = b.moe(s, new Op.Moe(experts, topK), h, b.weight(s + ".router.weight", Init.MATRIX, d, experts),
                b.weight(s + ".experts.fc1.weight", Init.MATRIX, experts, d, inter), b.weight(s + ".experts.fc1.bias", Init.SMALL, experts, inter),
                b.weight(s + ".experts.fc2.weight", Init.MATRIX, experts, inter, d), b.weight(s + ".experts.fc2.bias", Init.SMALL, experts, d));
        x = b.binary(s, BinaryKind.ADD, x, y);

        x = b.rmsNorm("model.norm", x, b.weight("model.norm.weight", Init.GAIN, d), eps);
        return b.build(b.matmul("lm_head", x, b.weight("lm_head.weight", Init.MATRIX, d, vocab)));
    }

    /** A square [d, d] projection. */
    private static String projection(GraphBuilder b, String s, String x, int d) {
        return b.matmul(s, x, b.weight(s + ".weight", Init.MATRIX, d, d));
    }
}
