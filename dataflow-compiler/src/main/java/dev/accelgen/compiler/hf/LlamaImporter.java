package dev.accelgen.compiler.hf;

import dev.accelgen.compiler.hf.GraphBuilder.Init;
import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.TensorBudget;
import dev.accelgen.compiler.ir.TensorType;

/**
 * {@code LlamaForCausalLM}: embedding, per layer RMSNorm + grouped-query causal attention + RMSNorm + SwiGLU MLP,
 * final RMSNorm and LM head (the embedding, transposed, when {@code tie_word_embeddings}). Rotary position
 * embedding (rotate-half form, {@code rope_theta}, positions 0..T-1) is applied to q and k with constant cos/sin
 * tables. Grouped-query attention reads each KV head for its group of query heads ({@code Op.Attention}); nothing is
 * repeated. The family's variants: {@code MistralForCausalLM} (a {@code sliding_window} of W keys in every layer),
 * {@code Qwen2ForCausalLM} (q/k/v biases; with {@code use_sliding_window} the window in layers from
 * {@code max_window_layers} on, as Hugging Face's Qwen2 applies it); {@code attention_bias} gives any of them q/k/v biases.
 * Weight names follow Hugging Face; matrices are stored [in, out].
 */
public final class LlamaImporter {
    private LlamaImporter() {
    }

    /** The validated architecture parameters. */
    /**
     * The validated architecture parameters.
     *
     * @param qkvBias     q, k and v projections have biases
     * @param window      sliding-window keys (0: full causal attention)
     * @param windowFrom  the first layer with the window
     */
    public record LlamaConfig(int hidden, int intermediate, int layers, int heads, int kvHeads, int vocab,
                              float rmsEps, boolean tied, double ropeTheta, boolean qkvBias, int window, int windowFrom) {
        /** The window of layer l (0: none). */
        int windowOf(int l) {
            return l >= windowFrom ? window : 0;
        }
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
        String arch = c.architecture();
        boolean qwen2 = arch.equals("Qwen2ForCausalLM") || arch.equals("qwen2");
        boolean mistral = arch.equals("MistralForCausalLM") || arch.equals("mistral");
        int window = 0;
        int windowFrom = 0;
        if (mistral && c.has("sliding_window") || qwen2 && c.optBool("use_sliding_window", false)) {
            window = c.requireInt("sliding_window");
            c.check(window >= 1, "sliding_window", window, ">= 1");
            windowFrom = qwen2 ? c.optInt("max_window_layers", 28) : 0;
            c.check(windowFrom >= 0, "max_window_layers", windowFrom, ">= 0");
        }
        return new LlamaConfig(hidden, inter, layers, heads, kv, vocab, (float) eps, c.optBool("tie_word_embeddings", false), theta,
                c.optBool("attention_bias", qwen2), window, windowFrom);
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
            String q = heads(b, s + ".q", projection(b, s, "q_proj", h, p.heads() * hd, p), t, p.heads(), hd);
            String k = heads(b, s + ".k", projection(b, s, "k_proj", h, p.kvHeads() * hd, p), t, p.kvHeads(), hd);
            String v = heads(b, s + ".v", projection(b, s, "v_proj", h, p.kvHeads() * hd, p), t, p.kvHeads(), hd);
            q = rope(b, s + ".q", q, cos, sin, hd);
            k = rope(b, s + ".k", k, cos, sin, hd);
            String a = b.attention(s + ".attn", q, k, v, new Op.Attention((float) (1 / Math.sqrt(hd)), true, p.windowOf(l)));
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
    static String rope(GraphBuilder b, String s, String x, String cos, String sin, int hd) {
        String x1 = b.sliceLast(s + ".rope", x, 0, hd / 2);
        String x2 = b.sliceLast(s + ".rope", x, hd / 2, hd);
        String rot = b.concatLast(s + ".rope", b.neg(s + ".rope", x2), x1);
        return b.binary(s + ".rope", BinaryKind.ADD, b.binary(s + ".rope", BinaryKind.MUL, x, cos),
                b.binary(s + ".rope", BinaryKind.MUL, rot, sin));
    }

    /** [1,T,H*hd] -> [1,H,T,hd]. */
    static String heads(GraphBuilder b, String s, String x, int t, int h, int hd) {
        return b.transpose(s, b.reshape(s, x, 1, t, h, hd), 0, 2, 1, 3);
    }

    /** The attention's {@code name} projection of h to {@code out} columns, with its bias when the config has them. */
    private static String projection(GraphBuilder b, String layer, String name, String h, int out, LlamaConfig p) {
        String scope = layer + "." + name.charAt(0);
        String w = layer + ".self_attn." + name;
        String y = b.matmul(scope, h, b.weight(w + ".weight", Init.MATRIX, p.hidden(), out));
        return p.qkvBias() ? b.binary(scope, BinaryKind.ADD, y, b.weight(w + ".bias", Init.SMALL, out)) : y;
    }
}
