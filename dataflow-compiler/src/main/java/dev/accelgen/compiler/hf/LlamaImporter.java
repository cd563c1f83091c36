package dev.accelgen.compiler.hf;

import dev.accelgen.compiler.hf.GraphBuilder.Init;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.TensorBudget;
import dev.accelgen.compiler.ir.TensorType;

/**
 * {@code LlamaForCausalLM}: embedding, per layer RMSNorm + grouped-query causal attention + RMSNorm + SwiGLU MLP,
 * final RMSNorm and LM head (the embedding, transposed, when {@code tie_word_embeddings}). Rotary position
 * embedding (rotate-half form, {@code rope_theta}, positions 0..T-1) is applied to q and k with constant cos/sin
 * tables. Weight names follow Hugging Face; matrices are stored [in, out].
 */
public final class LlamaImporter {
    private LlamaImporter() {
    }

    /** The validated architecture parameters. */
    public record LlamaConfig(int hidden, int intermediate, int layers, int heads, int kvHeads, int vocab,
                              float rmsEps, boolean tied, double ropeTheta) {
    }

    public static LlamaConfig read(HfConfig c) {
        int hidden = c.requireInt("hidden_size");
        int inter = c.requireInt("intermediate_size");
        int layers = c.requireInt("num_hidden_layers");
        int heads = c.requireInt("num_attention_heads");
        int kv = c.optInt("num_key_value_heads", heads);
        int vocab = c.requireInt("vocab_size");
        c.check(hidden > 0, "hidden_size", hidden, "> 0");
        c.check(inter > 0, "intermediate_size", inter, "> 0");
        c.check(layers > 0, "num_hidden_layers", layers, "> 0");
        c.check(heads > 0 && hidden % heads == 0, "num_attention_heads", heads, "> 0 and divide hidden_size " + hidden);
        c.check(kv > 0 && heads % kv == 0, "num_key_value_heads", kv, "> 0 and divide num_attention_heads " + heads);
        c.check(vocab > 0, "vocab_size", vocab, "> 0");
        double eps = c.optDouble("rms_norm_eps", 1e-6);
        c.check(eps > 0, "rms_norm_eps", eps, "> 0");
        double theta = c.optDouble("rope_theta", 10000);
        c.check(theta > 1, "rope_theta", theta, "> 1");
        c.check(hidden / heads % 2 == 0, "hidden_size", hidden, "such that the head size hidden_size/num_attention_heads is even (rotary halves)");
        return new LlamaConfig(hidden, inter, layers, heads, kv, vocab, (float) eps, c.optBool("tie_word_embeddings", false), theta);
    }

    public static Graph build(HfConfig c, BuildOptions o) {
        LlamaConfig p = read(c);
        GraphBuilder b = new GraphBuilder("llama", o.mode(), o.seed());
        int t = o.seqLen();
        int d = p.hidden();
        int hd = d / p.heads();
        String ids = b.input("input_ids", new TensorType(DType.INT64, Shape.of(1, t)));
        String embed = b.weight("model.embed_tokens.weight", Init.SMALL, p.vocab(), d);
        String x = b.gather("embed", embed, ids);
        float[][] table = ropeTables(t, hd, p.ropeTheta());
        String cos = b.constant("rope.cos", table[0], t, hd);
        String sin = b.constant("rope.sin", table[1], t, hd);
        for (int l = 0; l < p.layers(); l++) {
            String s = "model.layers." + l;
            String h = b.rmsNorm(s, x, b.weight(s + ".input_layernorm.weight", Init.GAIN, d), p.rmsEps());
            String q = heads(b, s + ".q", b.matmul(s + ".q", h, b.weight(s + ".self_attn.q_proj.weight", Init.MATRIX, d, p.heads() * hd)), t, p.heads(), hd);
            String k = heads(b, s + ".k", b.matmul(s + ".k", h, b.weight(s + ".self_attn.k_proj.weight", Init.MATRIX, d, p.kvHeads() * hd)), t, p.kvHeads(), hd);
            String v = heads(b, s + ".v", b.matmul(s + ".v", h, b.weight(s + ".self_attn.v_proj.weight", Init.MATRIX, d, p.kvHeads() * hd)), t, p.kvHeads(), hd);
            q = rope(b, s + ".q", q, cos, sin, hd);
            k = rope(b, s + ".k", k, cos, sin, hd);
            if (p.kvHeads() != p.heads()) {
                k = repeatKv(b, s + ".k", k, p, t, hd);
                v = repeatKv(b, s + ".v", v, p, t, hd);
            }
            String a = b.attention(s + ".attn", q, k, v, (float) (1 / Math.sqrt(hd)), true);
            a = b.reshape(s + ".attn", b.transpose(s + ".attn", a, 0, 2, 1, 3), 1, t, d);
            x = b.binary(s, BinaryKind.ADD, x, b.matmul(s + ".o", a, b.weight(s + ".self_attn.o_proj.weight", Init.MATRIX, d, d)));
            h = b.rmsNorm(s + ".post", x, b.weight(s + ".post_attention_layernorm.weight", Init.GAIN, d), p.rmsEps());
            String gate = b.matmul(s + ".gate", h, b.weight(s + ".mlp.gate_proj.weight", Init.MATRIX, d, p.intermediate()));
            String up = b.matmul(s + ".up", h, b.weight(s + ".mlp.up_proj.weight", Init.MATRIX, d, p.intermediate()));
            String down = b.matmul(s + ".down", b.swiGlu(s + ".mlp", gate, up),
                    b.weight(s + ".mlp.down_proj.weight", Init.MATRIX, p.intermediate(), d));
            x = b.binary(s + ".mlp", BinaryKind.ADD, x, down);
        }
        x = b.rmsNorm("model.norm", x, b.weight("model.norm.weight", Init.GAIN, d), p.rmsEps());
        String head = p.tied() ? b.transpose("lm_head", embed, 1, 0) : b.weight("lm_head.weight", Init.MATRIX, d, p.vocab());
        return b.build(b.matmul("lm_head", x, head));
    }

    /** cos and sin of position * theta^(-2i/hd), duplicated over both halves, in float32 as PyTorch computes them. */
    static float[][] ropeTables(int t, int hd, double theta) {
        int n = TensorBudget.elements(Shape.of(t, hd));
        float[] cos = new float[n];
        float[] sin = new float[n];
        for (int i = 0; i < hd / 2; i++) {
            float inv = 1f / (float) Math.pow(theta, (float) (2 * i) / hd);
            for (int pos = 0; pos < t; pos++) {
                float ang = pos * inv;
                cos[pos * hd + i] = (float) Math.cos(ang);
                cos[pos * hd + i + hd / 2] = (float) Math.cos(ang);
                sin[pos * hd + i] = (float) Math.sin(ang);
                sin[pos * hd + i + hd / 2] = (float) Math.sin(ang);
            }
        }
        return new float[][] {cos, sin};
    }

    /** x * cos + rotate_half(x) * sin for x [1,H,T,hd]; rotate_half(x) = concat(-x2, x1). */
    private static String rope(GraphBuilder b, String s, String x, String cos, String sin, int hd) {
        String x1 = b.sliceLast(s + ".rope", x, 0, hd / 2);
        String x2 = b.sliceLast(s + ".rope", x, hd / 2, hd);
        String rot = b.concatLast(s + ".rope", b.neg(s + ".rope", x2), x1);
        return b.binary(s + ".rope", BinaryKind.ADD, b.binary(s + ".rope", BinaryKind.MUL, x, cos),
                b.binary(s + ".rope", BinaryKind.MUL, rot, sin));
    }

    /** [1,T,H*hd] -> [1,H,T,hd]. */
    private static String heads(GraphBuilder b, String s, String x, int t, int h, int hd) {
        return b.transpose(s, b.reshape(s, x, 1, t, h, hd), 0, 2, 1, 3);
    }

    /** [1,KV,T,hd] -> [1,H,T,hd], each KV head serving heads/kvHeads consecutive query heads. */
    private static String repeatKv(GraphBuilder b, String s, String x, LlamaConfig p, int t, int hd) {
        int rep = p.heads() / p.kvHeads();
        String e = b.tile(s, b.reshape(s, x, 1, p.kvHeads(), 1, t, hd), 2, rep);
        return b.reshape(s, e, 1, p.heads(), t, hd);
    }
}
