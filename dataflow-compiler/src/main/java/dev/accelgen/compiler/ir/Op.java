package dev.accelgen.compiler.ir;

import java.util.Arrays;

/**
 * The operations of the graph IR. Inputs follow ONNX conventions (shape-like operands such as Reshape's target
 * shape or Slice's bounds are tensor inputs), so imported graphs keep their meaning; fused ops
 * ({@link Attention}, {@link RmsNorm}, {@link Gelu}, {@link SwiGlu}, {@link Mlgru}, {@link Moe}) are produced
 * by the fusion passes and by the config importers.
 */
public sealed interface Op {
    /** Short name used in listings ("MatMul", "Add", ...). */
    String kind();

    /** Which record this is: switch expressions over the tag are checked for exhaustiveness by the compiler. */
    Tag tag();

    /** One constant per op record. */
    enum Tag { BINARY, UNARY, GELU, WHERE, MAT_MUL, GEMM, CONV, SOFTMAX, LOG_SOFTMAX, LAYER_NORM, BATCH_NORM, RMS_NORM, TRANSPOSE, RESHAPE, SPLIT, CONCAT, SLICE, GATHER, UNSQUEEZE, SQUEEZE, TILE, EXPAND, SHAPE_OF, CAST, CONSTANT, CONSTANT_OF_SHAPE, RANGE, REDUCE, CUM_SUM, TOP_K, CLIP, QUANTIZE_LINEAR, DEQUANTIZE_LINEAR, QUANT, BIPOLAR_QUANT, TRUNC, ATTENTION, ROPE, SWI_GLU, MLGRU, MOE }

    /** MOD takes the divisor's sign (Python, ONNX Mod fmod=0); FMOD the dividend's (C fmod, ONNX Mod fmod=1). */
    enum BinaryKind { ADD, SUB, MUL, DIV, POW, MAX, MIN, MOD, FMOD, EQUAL, GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL, AND, OR }

    enum UnaryKind { NEG, ABS, SQRT, RECIPROCAL, EXP, LOG, ERF, TANH, SIGMOID, RELU, SILU, FLOOR, CEIL, ROUND, NOT, IDENTITY }

    enum ReduceKind { MEAN, SUM, MAX, MIN }

    record Binary(BinaryKind op) implements Op {
        public Tag tag() {
            return Tag.BINARY;
        }

        public String kind() {
            return camel(op.name());
        }
    }

    record Unary(UnaryKind op) implements Op {
        public Tag tag() {
            return Tag.UNARY;
        }

        public String kind() {
            return camel(op.name());
        }
    }

    /** GELU, exact (erf) or the tanh approximation. */
    record Gelu(boolean tanh) implements Op {
        public Tag tag() {
            return Tag.GELU;
        }

        public String kind() {
            return tanh ? "GeluTanh" : "Gelu";
        }
    }

    record Where() implements Op {
        public Tag tag() {
            return Tag.WHERE;
        }

        public String kind() {
            return "Where";
        }
    }

    record MatMul() implements Op {
        public Tag tag() {
            return Tag.MAT_MUL;
        }

        public String kind() {
            return "MatMul";
        }
    }

    record Gemm(float alpha, float beta, boolean transA, boolean transB) implements Op {
        public Tag tag() {
            return Tag.GEMM;
        }

        public String kind() {
            return "Gemm";
        }
    }

    /**
     * ONNX Conv over 1 or 2 spatial axes. Inputs: x [N,C,spatial...], w [M,C/group,kernel...], optional bias [M].
     * {@code pads} holds the begin pads of every spatial axis, then the end pads (auto_pad is resolved on import).
     */
    record Conv(int group, int[] strides, int[] pads, int[] dilations) implements Op {
        public Tag tag() {
            return Tag.CONV;
        }

        public String kind() {
            return "Conv";
        }

        @Override
        public String toString() {
            return "Conv[group=" + group + ", strides=" + Arrays.toString(strides) + ", pads=" + Arrays.toString(pads)
                    + ", dilations=" + Arrays.toString(dilations) + "]";
        }
    }

    record Softmax(int axis) implements Op {
        public Tag tag() {
            return Tag.SOFTMAX;
        }

        public String kind() {
            return "Softmax";
        }
    }

    /** {@code x - max - log(sum(exp(x - max)))} along {@code axis}. */
    record LogSoftmax(int axis) implements Op {
        public Tag tag() {
            return Tag.LOG_SOFTMAX;
        }

        public String kind() {
            return "LogSoftmax";
        }
    }

    /** Inputs: x, scale, optional bias; normalizes over the axes from {@code axis} to the last. */
    record LayerNorm(int axis, float eps) implements Op {
        public Tag tag() {
            return Tag.LAYER_NORM;
        }

        public String kind() {
            return "LayerNorm";
        }
    }

    /** Inputs: x, optional weight; {@code x / sqrt(mean(x^2, last axis) + eps) * weight}. */
    record RmsNorm(float eps) implements Op {
        public Tag tag() {
            return Tag.RMS_NORM;
        }

        public String kind() {
            return "RMSNorm";
        }
    }

    /**
     * BatchNormalization in inference form. Inputs: x [N,C,...], scale [C], bias [C], mean [C], var [C];
     * {@code (x - mean) / sqrt(var + eps) * scale + bias} per channel (axis 1).
     */
    record BatchNorm(float eps) implements Op {
        public Tag tag() {
            return Tag.BATCH_NORM;
        }

        public String kind() {
            return "BatchNorm";
        }
    }

    record Transpose(int[] perm) implements Op {
        public Tag tag() {
            return Tag.TRANSPOSE;
        }

        public String kind() {
            return "Transpose";
        }

        @Override
        public String toString() {
            return "Transpose[perm=" + Arrays.toString(perm) + "]";
        }
    }

    /** Inputs: data, shape (int64; -1 is inferred; 0 copies the input dimension unless {@code allowZero}). */
    record Reshape(boolean allowZero) implements Op {
        public Tag tag() {
            return Tag.RESHAPE;
        }

        public String kind() {
            return "Reshape";
        }
    }

    /** Inputs: data, optional split sizes; without sizes the axis is split evenly over the outputs. */
    record Split(int axis) implements Op {
        public Tag tag() {
            return Tag.SPLIT;
        }

        public String kind() {
            return "Split";
        }
    }

    record Concat(int axis) implements Op {
        public Tag tag() {
            return Tag.CONCAT;
        }

        public String kind() {
            return "Concat";
        }
    }

    /** Inputs: data, starts, ends, optional axes, optional steps. */
    record Slice() implements Op {
        public Tag tag() {
            return Tag.SLICE;
        }

        public String kind() {
            return "Slice";
        }
    }

    record Gather(int axis) implements Op {
        public Tag tag() {
            return Tag.GATHER;
        }

        public String kind() {
            return "Gather";
        }
    }

    /** Inputs: data, axes (int64). */
    record Unsqueeze() implements Op {
        public Tag tag() {
            return Tag.UNSQUEEZE;
        }

        public String kind() {
            return "Unsqueeze";
        }
    }

    /** Inputs: data, optional axes (without: every dimension of size 1). */
    record Squeeze() implements Op {
        public Tag tag() {
            return Tag.SQUEEZE;
        }

        public String kind() {
            return "Squeeze";
        }
    }

    /** Inputs: data, repeats. */
    record Tile() implements Op {
        public Tag tag() {
            return Tag.TILE;
        }

        public String kind() {
            return "Tile";
        }
    }

    /** Inputs: data, shape (broadcast target). */
    record Expand() implements Op {
        public Tag tag() {
            return Tag.EXPAND;
        }

        public String kind() {
            return "Expand";
        }
    }

    /** The input's shape as int64, dimensions [start, end). */
    record ShapeOf(int start, int end) implements Op {
        public Tag tag() {
            return Tag.SHAPE_OF;
        }

        public static final int TO_END = Integer.MAX_VALUE;

        public String kind() {
            return "Shape";
        }
    }

    record Cast(DType to) implements Op {
        public Tag tag() {
            return Tag.CAST;
        }

        public String kind() {
            return "Cast";
        }
    }

    record Constant(Tensor value) implements Op {
        public Tag tag() {
            return Tag.CONSTANT;
        }

        public String kind() {
            return "Constant";
        }
    }

    /** Input: shape (int64); output filled with the one-element {@code value}. */
    record ConstantOfShape(Tensor value) implements Op {
        public Tag tag() {
            return Tag.CONSTANT_OF_SHAPE;
        }

        public String kind() {
            return "ConstantOfShape";
        }
    }

    /** Inputs: start, limit, delta (scalars of one type); {@code max(ceil((limit - start) / delta), 0)} values. */
    record Range() implements Op {
        public Tag tag() {
            return Tag.RANGE;
        }

        public String kind() {
            return "Range";
        }
    }

    /** Reduction over {@code axes} (null: from the optional second input, or all axes when absent). */
    record Reduce(ReduceKind op, int[] axes, boolean keepDims) implements Op {
        public Tag tag() {
            return Tag.REDUCE;
        }

        public String kind() {
            return "Reduce" + camel(op.name());
        }

        @Override
        public String toString() {
            return kind() + "[axes=" + Arrays.toString(axes) + ", keepDims=" + keepDims + "]";
        }
    }

    /** Inputs: x, axis (scalar int); running sums along the axis, optionally exclusive and/or from the end. */
    record CumSum(boolean exclusive, boolean reverse) implements Op {
        public Tag tag() {
            return Tag.CUM_SUM;
        }

        public String kind() {
            return "CumSum";
        }
    }

    /** Inputs: x, k (int64 [1]); outputs: values, indices. */
    record TopK(int axis, boolean largest, boolean sorted) implements Op {
        public Tag tag() {
            return Tag.TOP_K;
        }

        public String kind() {
            return "TopK";
        }
    }

    /** Inputs: x, optional min, optional max. */
    record Clip() implements Op {
        public Tag tag() {
            return Tag.CLIP;
        }

        public String kind() {
            return "Clip";
        }
    }

    /** ONNX QuantizeLinear: inputs x, y_scale, optional y_zero_point (its type is the output type, default uint8). */
    record QuantizeLinear(int axis) implements Op {
        public Tag tag() {
            return Tag.QUANTIZE_LINEAR;
        }

        public String kind() {
            return "QuantizeLinear";
        }
    }

    /** ONNX DequantizeLinear: inputs x, x_scale, optional x_zero_point. */
    record DequantizeLinear(int axis) implements Op {
        public Tag tag() {
            return Tag.DEQUANTIZE_LINEAR;
        }

        public String kind() {
            return "DequantizeLinear";
        }
    }

    /** QONNX Quant (fake quantization): inputs x, scale, zeropt, bitwidth. */
    record Quant(boolean signed, boolean narrow, RoundingMode rounding) implements Op {
        public Tag tag() {
            return Tag.QUANT;
        }

        public String kind() {
            return "Quant";
        }
    }

    /** QONNX BipolarQuant: inputs x, scale; {@code x >= 0 ? scale : -scale}. */
    record BipolarQuant() implements Op {
        public Tag tag() {
            return Tag.BIPOLAR_QUANT;
        }

        public String kind() {
            return "BipolarQuant";
        }
    }

    /**
     * QONNX Trunc. Version 1 inputs: x, scale, zeropt, input_bit_width, output_bit_width. Version 2 inputs: x, scale,
     * zeropt, input_bit_width, output_scale, output_bit_width (clamps to the output range given signed/narrow).
     */
    record Trunc(RoundingMode rounding, boolean signed, boolean narrow) implements Op {
        public Tag tag() {
            return Tag.TRUNC;
        }

        public String kind() {
            return "Trunc";
        }
    }

    /**
     * Scaled dot-product attention, recognised from MatMul-Softmax-MatMul or imported from ONNX Attention. Inputs:
     * q [..,Hq,T,D], k [..,Hkv,S,D], v [..,Hkv,S,Dv], optional additive float mask broadcastable to [..,Hq,T,S].
     * Output [..,Hq,T,Dv] = {@code softmax(q k^T * scale + mask) v}. Grouped-query attention: Hkv may divide Hq
     * (ranks of 3 or more), query head h then reads key/value head {@code h / (Hq / Hkv)}. {@code causal} masks
     * key j for query i when {@code j > i + S - T} (bottom-right aligned: the last query sees every key). A sliding
     * {@code window} W > 0 (Mistral; causal only) also masks the keys more than W - 1 positions back,
     * {@code j <= i + S - T - W}: each query sees its last W keys, itself included. 0: no window.
     */
    record Attention(float scale, boolean causal, int window) implements Op {
        public Attention {
            if (window < 0 || window > 0 && !causal) {
                throw new IllegalArgumentException("an attention window must be >= 1 and causal (got " + window + ", causal " + causal + ")");
            }
        }

        /** Full attention (no window). */
        public Attention(float scale, boolean causal) {
            this(scale, causal, 0);
        }

        public Tag tag() {
            return Tag.ATTENTION;
        }

        public String kind() {
            return "Attention";
        }
    }

    /**
     * Rotary position embedding (ONNX RotaryEmbedding, opset 23). Inputs:
     * <ul>
     *   <li>x: [B,H,S,D] (4-D), or [B,S,H*D] (3-D, then {@code numHeads} = H);</li>
     *   <li>cos, sin: [P, R/2] tables indexed by position_ids when those are given, else [B,S,R/2] per token;</li>
     *   <li>position_ids (optional): int64 [B,S], each in 0..P-1.</li>
     * </ul>
     * R = {@code rotaryDim} (0: R = D). Per token and head, the first R of the D features rotate in pairs
     * (x1_i, x2_i), i in 0..R/2-1: x1_i = x[i], x2_i = x[i + R/2] (halves), or x1_i = x[2i], x2_i = x[2i+1]
     * ({@code interleaved}); they become {@code x1 cos_i - x2 sin_i} and {@code x1 sin_i + x2 cos_i} at the same places.
     * Features R..D-1 pass through. Output: the shape of x.
     */
    record Rope(boolean interleaved, int rotaryDim, int numHeads) implements Op {
        public Tag tag() {
            return Tag.ROPE;
        }

        public String kind() {
            return "Rope";
        }
    }

    /** Inputs: gate, up; {@code silu(gate) * up}. */
    record SwiGlu() implements Op {
        public Tag tag() {
            return Tag.SWI_GLU;
        }

        public String kind() {
            return "SwiGLU";
        }
    }

    /**
     * The MatMul-free LM token mixer over the sequence axis (1) of [B,T,D] inputs f_pre, c_pre (and g_pre):
     * {@code f = sigmoid(f_pre), c = silu(c_pre), h_t = f_t*h_{t-1} + (1-f_t)*c_t}; the output is
     * {@code o_t = sigmoid(g_pre)_t * h_t} with {@code outputGate} (the paper's form, three inputs), else h_t itself
     * (two inputs: HGRN-Bit's reference implementation gates h afterwards, {@code rmsnorm(g) * silu(h)}).
     */
    record Mlgru(boolean outputGate) implements Op {
        /** The paper's form, with the sigmoid output gate. */
        public Mlgru() {
            this(true);
        }

        public Tag tag() {
            return Tag.MLGRU;
        }

        public String kind() {
            return "MLGRU";
        }
    }

    /**
     * Mixture of experts FFN. Inputs: x [..,D], router [D,E], up [E,D,F], up_bias [E,F], down [E,F,D],
     * down_bias [E,D]. Expert = down(gelu(up(x))), weighted by its gate per {@link Gating}.
     */
    record Moe(int experts, int topK, Gating gating) implements Op {
        public Moe {
            if (experts < 1 || topK < 1 || topK > experts) {
                throw new IllegalArgumentException("a MoE picks 1.." + experts + " of its experts (got top-" + topK + ")");
            }
        }

        /** Gates = softmax over the picked logits. */
        public Moe(int experts, int topK) {
            this(experts, topK, Gating.SOFTMAX_OF_PICKED);
        }

        public Tag tag() {
            return Tag.MOE;
        }

        public String kind() {
            return "MoE";
        }
    }

    /** How a MoE turns router logits into the gates of the top-k experts (the others get 0). */
    enum Gating {
        /** Softmax over the k largest logits (Switch/Mixtral style: the gates sum to 1). */
        SOFTMAX_OF_PICKED,
        /** Softmax over all experts' logits; the k largest probabilities are the gates (V-MoE, M3ViT: they sum to less than 1). */
        PICKED_OF_SOFTMAX
    }

    /** Rounding modes of the QONNX ops: ROUND is half to even, UP/DOWN are away from/toward zero. */
    enum RoundingMode { ROUND, CEIL, FLOOR, UP, DOWN, HALF_UP, HALF_DOWN }

    private static String camel(String upper) {
        StringBuilder b = new StringBuilder();
        for (String part : upper.split("_")) {
            b.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return b.toString();
    }
}
