package dev.accelgen.compiler.onnx;

import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Op.BinaryKind;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * ONNX Attention (opset 23) onto the fused {@link Op.Attention}: 3-D inputs are split into heads ([B,T,H*D] to
 * [B,H,T,D]) and merged back, past_key/past_value are concatenated before the new keys and values (and are the
 * present_key/present_value outputs), a boolean mask becomes an additive 0/-inf mask, grouped-query attention is the
 * fused op's own (fewer key/value heads). {@code is_causal} is the fused op's causal flag when the new keys are as
 * many as the queries; otherwise (ONNX aligns the causal frontier to the past length, not to the end) it is an
 * explicit constant mask. A softcap ({@code softcap * tanh(scores / softcap)} before the mask) cannot be fused
 * and is lowered to MatMul, Tanh, Softmax and MatMul. The qk_matmul_output output and nonpad_kv_seqlen are refused.
 */
final class AttentionLowering {
    private AttentionLowering() {
    }

    static List<Node> translate(OnnxNode n) {
        if (n.hasInput(6)) {
            throw n.error("input nonpad_kv_seqlen is not supported");
        }
        if (n.hasOutput(3)) {
            throw n.error("output qk_matmul_output is not supported");
        }
        if (n.i("left_window_size", -1) != -1 || n.i("right_window_size", -1) != -1) {
            throw n.error("sliding-window attention (left_window_size/right_window_size) is not supported");
        }
        if (n.hasInput(4) != n.hasInput(5)) {
            throw n.error("past_key and past_value must be given together");
        }
        int rank = n.inputShape(0).rank();
        if ((rank != 3 && rank != 4) || n.inputShape(1).rank() != rank || n.inputShape(2).rank() != rank) {
            throw n.error("Q, K, V must all be 3-D or all 4-D, got " + n.inputShape(0) + ", " + n.inputShape(1) + ", " + n.inputShape(2));
        }
        Emitter e = new Emitter(n.name());
        String q = n.input(0);
        String k = n.input(1);
        String v = n.input(2);
        int hq = rank == 4 ? n.inputShape(0).dim(1) : heads(n, "q_num_heads");
        int hkv = rank == 4 ? n.inputShape(1).dim(1) : heads(n, "kv_num_heads");
        if (hkv < 1 || hq % hkv != 0) {
            throw n.error(hkv + " key/value heads do not divide " + hq + " query heads");
        }
        if (rank == 3) {
            q = splitHeads(e, n, "q", q, n.inputShape(0), hq);
            k = splitHeads(e, n, "k", k, n.inputShape(1), hkv);
            v = splitHeads(e, n, "v", v, n.inputShape(2), hkv);
        }
        Shape qs = headShape(n.inputShape(0), hq);
        int batch = qs.dim(0);
        int t = qs.dim(2);
        int d = qs.dim(3);
        int newKeys = headShape(n.inputShape(1), hkv).dim(2);
        int dv = headShape(n.inputShape(2), hkv).dim(3);
        int past = n.hasInput(4) ? n.inputShape(4).dim(2) : 0;
        k = withPast(e, n, "present_key", k, 4, 1);
        v = withPast(e, n, "present_value", v, 5, 2);
        int s = past + newKeys;
        String mask = n.hasInput(3) ? additiveMask(e, n, s) : "";
        boolean causal = n.i("is_causal", 0) != 0;
        boolean fusedCausal = causal && newKeys == t;
        if (causal && !fusedCausal) {
            String frontier = e.op("causal", new Op.Constant(causalMask(t, s, past)));
            mask = mask.isEmpty() ? frontier : e.op("mask_causal", new Op.Binary(BinaryKind.ADD), mask, frontier);
        }
        float scale = n.has("scale") ? n.f("scale", 0f) : (float) (1 / Math.sqrt(d));
        float softcap = n.f("softcap", 0f);
        String y = softcap > 0 ? softcapped(e, q, k, v, mask, scale, softcap, fusedCausal, batch, hq, hkv, t, s, dv)
                : e.op("attention", new Op.Attention(scale, fusedCausal), mask.isEmpty() ? new String[] {q, k, v} : new String[] {q, k, v, mask});
        if (rank == 3) {
            y = e.reshape("merge_heads", e.transpose("heads_last", y, 0, 2, 1, 3), batch, t, hq * dv);
        }
        return e.finishAs(y, n.outputs().get(0));
    }

    /** Keys or values after the past ones (concatenated on the sequence axis), also written to the present output. */
    private static String withPast(Emitter e, OnnxNode n, String step, String x, int pastInput, int presentOutput) {
        if (!n.hasInput(pastInput)) {
            if (n.hasOutput(presentOutput)) {
                e.copy(step, x, n.outputs().get(presentOutput));
            }
            return x;
        }
        Op concat = new Op.Concat(2);
        return n.hasOutput(presentOutput) ? e.opTo(step, n.outputs().get(presentOutput), concat, n.input(pastInput), x)
                : e.op(step, concat, n.input(pastInput), x);
    }

    private static int heads(OnnxNode n, String attr) {
        int h = (int) n.i(attr, 0);
        if (h < 1) {
            throw n.error("3-D inputs need the " + attr + " attribute (>= 1)");
        }
        return h;
    }

    /** [B,T,H*D] to [B,H,T,D]. */
    private static String splitHeads(Emitter e, OnnxNode n, String step, String x, Shape s, int heads) {
        if (s.dim(2) % heads != 0) {
            throw n.error(step.toUpperCase(java.util.Locale.ROOT) + " hidden size " + s.dim(2) + " is not a multiple of " + heads + " heads");
        }
        String r = e.reshape(step + "_heads", x, s.dim(0), s.dim(1), heads, s.dim(2) / heads);
        return e.transpose(step + "_bhtd", r, 0, 2, 1, 3);
    }

    /** The [B,H,T,D] shape of a 3-D or 4-D operand. */
    private static Shape headShape(Shape s, int heads) {
        return s.rank() == 4 ? s : Shape.of(s.dim(0), heads, s.dim(1), s.dim(2) / heads);
    }

    /** The mask as additive float: a boolean mask keeps True (0) and drops False (-inf). */
    private static String additiveMask(Emitter e, OnnxNode n, int totalKeys) {
        Shape m = n.inputShape(3);
        if (m.rank() == 0 || m.dim(-1) != totalKeys) {
            throw n.error("attn_mask " + m + " must end in the total key length " + totalKeys + " (shorter masks are not padded)");
        }
        if (n.inputType(3).dtype() != DType.BOOL) {
            return n.input(3);
        }
        return e.op("mask_additive", new Op.Where(), n.input(3), e.scalar("zero", 0f), e.scalar("minus_inf", Float.NEGATIVE_INFINITY));
    }

    /** [T,S]: 0 where key j <= query i + past, else -inf. */
    private static Tensor causalMask(int t, int s, int past) {
        float[] m = new float[t * s];
        for (int i = 0; i < t; i++) {
            for (int j = i + past + 1; j < s; j++) {
                m[i * s + j] = Float.NEGATIVE_INFINITY;
            }
        }
        return Tensor.ofFloats(Shape.of(t, s), m);
    }

    /**
     * softmax(softcap * tanh(q k^T * scale / softcap) + mask) v, with query heads grouped by key/value head:
     * q [B,Hkv,G,T,D] against k [B,Hkv,1,S,D] broadcasts to every head of the group.
     */
    private static String softcapped(Emitter e, String q, String k, String v, String mask, float scale, float softcap,
                                     boolean causal, int b, int hq, int hkv, int t, int s, int dv) {
        int g = hq / hkv;
        String qg = e.reshape("q_groups", q, b, hkv, g, t, -1);
        String kg = e.reshape("k_t_groups", e.op("k_t", new Op.Transpose(new int[] {0, 1, 3, 2}), k), b, hkv, 1, -1, s);
        String scores = e.op("scores", new Op.MatMul(), qg, kg);
        scores = e.op("scaled", new Op.Binary(BinaryKind.MUL), scores, e.scalar("scale", scale));
        scores = e.op("capped_in", new Op.Binary(BinaryKind.DIV), scores, e.scalar("softcap", softcap));
        scores = e.op("capped_tanh", new Op.Unary(Op.UnaryKind.TANH), scores);
        scores = e.op("capped", new Op.Binary(BinaryKind.MUL), scores, e.scalar("softcap_out", softcap));
        scores = e.reshape("scores_heads", scores, b, hq, t, s);
        List<String> masks = new ArrayList<>();
        if (!mask.isEmpty()) {
            masks.add(mask);
        }
        if (causal) {
            masks.add(e.op("causal", new Op.Constant(causalMask(t, s, s - t))));
        }
        for (int i = 0; i < masks.size(); i++) {
            scores = e.op("masked" + i, new Op.Binary(BinaryKind.ADD), scores, masks.get(i));
        }
        String p = e.reshape("probs_groups", e.op("probs", new Op.Softmax(-1), scores), b, hkv, g, t, s);
        String vg = e.reshape("v_groups", v, b, hkv, 1, s, dv);
        return e.reshape("y_heads", e.op("y_groups", new Op.MatMul(), p, vg), b, hq, t, dv);
    }
}
