package dev.accelgen.compiler.hf;

import dev.accelgen.compiler.hf.GraphBuilder.Init;
import dev.accelgen.compiler.ir.Graph;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.TensorType;
import java.util.List;

/**
 * M3ViT, the multi-task MoE ViT ({@code architectures: ["M3ViT"]}, model_type {@code m3vit}), as its reference
 * implementation computes one task's backbone. Keys: image_size, patch_size, num_channels, hidden_size,
 * num_hidden_layers, num_attention_heads, intermediate_size (dense MLP), num_experts, num_experts_per_tok (top-k),
 * expert_intermediate_size (the expert FFN's hidden size: {@code moe_mlp_ratio} x hidden_size), moe_layer_interval
 * (every n-th layer, counting from 1, is MoE), num_tasks (one router per task and MoE layer: the multi-gate design),
 * task (whose routers this graph uses, default 0), layer_norm_eps. The input is the image already cut into patches,
 * [1, patches, channels*patch^2] (the patch embedding convolution with stride = kernel is this MatMul). Each MoE layer
 * routes with the task's gate over all experts as the V-MoE gate does: softmax over every expert's logit, the top-k
 * probabilities are the gates ({@link Op.Gating#PICKED_OF_SOFTMAX}); each expert is fc1 (bias), GELU, fc2 (bias).
 * One graph serves one task (the task heads are outside it); the other tasks' routers are declared, so parameter
 * counts cover the whole backbone.
 */
public final class MoeVitImporter {
    private MoeVitImporter() {
    }

    public static Graph build(HfConfig c, BuildOptions o) {
        int image = c.requireInt("image_size");
        int patch = c.requireInt("patch_size");
        int ch = c.optInt("num_channels", 3);
        int d = c.requireInt("hidden_size");
        int layers = c.requireInt("num_hidden_layers");
        int heads = c.requireInt("num_attention_heads");
        int inter = c.requireInt("intermediate_size");
        int experts = c.requireInt("num_experts");
        int topK = c.requireInt("num_experts_per_tok");
        int expertInter = c.optInt("expert_intermediate_size", inter);
        int interval = c.optInt("moe_layer_interval", 2);
        int tasks = c.optInt("num_tasks", 1);
        int task = c.optInt("task", 0);
        c.check(patch > 0 && image % patch == 0, "patch_size", patch, "> 0 and divide image_size " + image);
        c.check(heads > 0 && d % heads == 0, "num_attention_heads", heads, "> 0 and divide hidden_size " + d);
        c.check(experts > 0, "num_experts", experts, "> 0");
        c.check(topK >= 1 && topK <= experts, "num_experts_per_tok", topK, "in 1.." + experts);
        c.check(interval >= 1, "moe_layer_interval", interval, ">= 1");
        c.check(tasks >= 1, "num_tasks", tasks, ">= 1");
        c.check(task >= 0 && task < tasks, "task", task, "in 0.." + (tasks - 1) + " (num_tasks " + tasks + ")");
        c.check(layers > 0, "num_hidden_layers", layers, "> 0");
        float eps = (float) c.optDouble("layer_norm_eps", 1e-6);
        int n = (image / patch) * (image / patch);
        int pd = ch * patch * patch;
        int hd = d / heads;
        GraphBuilder b = new GraphBuilder("m3vit", o.mode(), o.seed());
        String x = b.input("patches", TensorType.f32(1, n, pd));
        x = b.binary("patch_embed", BinaryKind.ADD, b.matmul("patch_embed", x, b.weight("patch_embed.proj.weight", Init.MATRIX, pd, d)),
                b.weight("patch_embed.proj.bias", Init.SMALL, d));
        x = b.binary("pos_embed", BinaryKind.ADD, x, b.weight("pos_embed", Init.SMALL, 1, n, d));
        for (int l = 0; l < layers; l++) {
            String s = "blocks." + l;
            String h = b.layerNorm(s + ".norm1", x, b.weight(s + ".norm1.weight", Init.GAIN, d), b.weight(s + ".norm1.bias", Init.SMALL, d), eps);
            String qkv = linear(b, s + ".attn.qkv", h, d, 3 * d);
            List<String> parts = b.split(s + ".attn", qkv, 2, 3);
            String q = heads(b, s + ".q", parts.get(0), n, heads, hd);
            String k = heads(b, s + ".k", parts.get(1), n, heads, hd);
            String v = heads(b, s + ".v", parts.get(2), n, heads, hd);
            String a = b.attention(s + ".attn", q, k, v, (float) (1 / Math.sqrt(hd)), false);
            a = b.reshape(s + ".attn", b.transpose(s + ".attn", a, 0, 2, 1, 3), 1, n, d);
            x = b.binary(s + ".attn", BinaryKind.ADD, x, linear(b, s + ".attn.proj", a, d, d));
            h = b.layerNorm(s + ".norm2", x, b.weight(s + ".norm2.weight", Init.GAIN, d), b.weight(s + ".norm2.bias", Init.SMALL, d), eps);
            String y;
            if ((l + 1) % interval == 0) {
                String router = null;
                for (int t = 0; t < tasks; t++) {
                    String w = b.weight(s + ".mlp.gate.task" + t + ".weight", Init.MATRIX, d, experts);
                    router = t == task ? w : router;
                }
                y = b.moe(s + ".mlp", new Op.Moe(experts, topK, Op.Gating.PICKED_OF_SOFTMAX), h, router,
                        b.weight(s + ".mlp.experts.fc1.weight", Init.MATRIX, experts, d, expertInter),
                        b.weight(s + ".mlp.experts.fc1.bias", Init.SMALL, experts, expertInter),
                        b.weight(s + ".mlp.experts.fc2.weight", Init.MATRIX, experts, expertInter, d),
                        b.weight(s + ".mlp.experts.fc2.bias", Init.SMALL, experts, d));
            } else {
                y = linear(b, s + ".mlp.fc2", b.gelu(s + ".mlp", linear(b, s + ".mlp.fc1", h, d, inter)), inter, d);
            }
            x = b.binary(s + ".mlp", BinaryKind.ADD, x, y);
        }
        return b.build(b.layerNorm("norm", x, b.weight("norm.weight", Init.GAIN, d), b.weight("norm.bias", Init.SMALL, d), eps));
    }

    private static String linear(GraphBuilder b, String s, String x, int in, int out) {
        return b.binary(s, BinaryKind.ADD, b.matmul(s, x, b.weight(s + ".weight", Init.MATRIX, in, out)),
                b.weight(s + ".bias", Init.SMALL, out));
    }

    private static String heads(GraphBuilder b, String s, String x, int t, int h, int hd) {
        return b.transpose(s, b.reshape(s, x, 1, t, h, hd), 0, 2, 1, 3);
    }
}
