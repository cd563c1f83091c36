package dev.accelgen.compiler.interp;

import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import java.util.List;

/** Evaluates one op on concrete tensors: the float semantics of every op in the IR. */
public final class Kernels {
    private Kernels() {
    }

    /**
     * @param in      input tensors, null where an optional input is omitted
     * @param outputs number of outputs the node declares
     */
    public static List<Tensor> eval(Op op, List<Tensor> in, int outputs) {
        return switch (op.tag()) {
            case BINARY -> {
                Op.Binary b = (Op.Binary) op;
                yield List.of(MathKernels.binary(b.op(), in.get(0), in.get(1)));
            }
            case UNARY -> {
                Op.Unary u = (Op.Unary) op;
                yield List.of(MathKernels.unary(u.op(), in.get(0)));
            }
            case GELU -> {
                Op.Gelu g = (Op.Gelu) op;
                yield List.of(MathKernels.gelu(in.get(0), g.tanh()));
            }
            case WHERE -> List.of(MathKernels.where(in.get(0), in.get(1), in.get(2)));
            case MAT_MUL -> List.of(MathKernels.matmul(in.get(0), in.get(1)));
            case GEMM -> {
                Op.Gemm g = (Op.Gemm) op;
                yield List.of(MathKernels.gemm(g, in.get(0), in.get(1), opt(in, 2)));
            }
            case CONV -> {
                Op.Conv c = (Op.Conv) op;
                yield List.of(ConvKernels.conv(c, in.get(0), in.get(1), opt(in, 2)));
            }
            case SOFTMAX -> {
                Op.Softmax s = (Op.Softmax) op;
                yield List.of(MathKernels.softmax(in.get(0), s.axis()));
            }
            case LOG_SOFTMAX -> {
                Op.LogSoftmax s = (Op.LogSoftmax) op;
                yield List.of(MathKernels.logSoftmax(in.get(0), s.axis()));
            }
            case BATCH_NORM -> {
                Op.BatchNorm b = (Op.BatchNorm) op;
                yield List.of(ConvKernels.batchNorm(in.get(0), in.get(1), in.get(2), in.get(3), in.get(4), b.eps()));
            }
            case LAYER_NORM -> {
                Op.LayerNorm l = (Op.LayerNorm) op;
                yield List.of(MathKernels.layerNorm(in.get(0), l.axis(), l.eps(), opt(in, 1), opt(in, 2)));
            }
            case RMS_NORM -> {
                Op.RmsNorm r = (Op.RmsNorm) op;
                yield List.of(MathKernels.rmsNorm(in.get(0), r.eps(), opt(in, 1)));
            }
            case TRANSPOSE -> {
                Op.Transpose t = (Op.Transpose) op;
                yield List.of(ShapeKernels.transpose(in.get(0), t.perm()));
            }
            case RESHAPE -> {
                Op.Reshape r = (Op.Reshape) op;
                yield List.of(in.get(0).reshape(ShapeKernels.reshapeTarget(in.get(0).shape(), in.get(1).longs(), r.allowZero())));
            }
            case SPLIT -> {
                Op.Split s = (Op.Split) op;
                yield ShapeKernels.split(in.get(0), s.axis(), opt(in, 1) == null ? null : in.get(1).longs(), outputs);
            }
            case CONCAT -> {
                Op.Concat c = (Op.Concat) op;
                yield List.of(ShapeKernels.concat(in, c.axis()));
            }
            case SLICE -> List.of(slice(in));
            case GATHER -> {
                Op.Gather g = (Op.Gather) op;
                yield List.of(ShapeKernels.gather(in.get(0), in.get(1), g.axis()));
            }
            case UNSQUEEZE -> List.of(in.get(0).reshape(ShapeKernels.unsqueezed(in.get(0).shape(), in.get(1).longs())));
            case SQUEEZE -> List.of(in.get(0).reshape(ShapeKernels.squeezed(in.get(0).shape(),
                    opt(in, 1) == null ? null : in.get(1).longs())));
            case TILE -> List.of(ShapeKernels.tile(in.get(0), in.get(1).longs()));
            case EXPAND -> List.of(ShapeKernels.expand(in.get(0), in.get(1).longs()));
            case SHAPE_OF -> {
                Op.ShapeOf s = (Op.ShapeOf) op;
                yield List.of(ShapeKernels.shapeOf(in.get(0).shape(), s.start(), s.end()));
            }
            case CAST -> {
                Op.Cast c = (Op.Cast) op;
                yield List.of(MathKernels.cast(in.get(0), c.to()));
            }
            case CONSTANT_OF_SHAPE -> {
                Op.ConstantOfShape c = (Op.ConstantOfShape) op;
                yield List.of(ShapeKernels.expand(c.value().reshape(Shape.scalar()), in.get(0).longs()));
            }
            case CONSTANT -> {
                Op.Constant c = (Op.Constant) op;
                yield List.of(c.value());
            }
            case RANGE -> List.of(SequenceKernels.range(in.get(0), in.get(1), in.get(2)));
            case CUM_SUM -> {
                Op.CumSum c = (Op.CumSum) op;
                yield List.of(SequenceKernels.cumSum(in.get(0), in.get(1), c.exclusive(), c.reverse()));
            }
            case REDUCE -> {
                Op.Reduce r = (Op.Reduce) op;
                yield List.of(ShapeKernels.reduce(in.get(0), r.op(),
                    r.axes() != null ? toLongs(r.axes()) : opt(in, 1) == null ? null : in.get(1).longs(), r.keepDims()));
            }
            case TOP_K -> {
                Op.TopK t = (Op.TopK) op;
                yield ShapeKernels.topK(in.get(0), (int) in.get(1).longs()[0], t.axis(), t.largest());
            }
            case CLIP -> List.of(MathKernels.clip(in.get(0), opt(in, 1), opt(in, 2)));
            case QUANTIZE_LINEAR -> {
                Op.QuantizeLinear q = (Op.QuantizeLinear) op;
                yield List.of(QuantKernels.quantizeLinear(in.get(0), in.get(1), opt(in, 2), q.axis()));
            }
            case DEQUANTIZE_LINEAR -> {
                Op.DequantizeLinear d = (Op.DequantizeLinear) op;
                yield List.of(QuantKernels.dequantizeLinear(in.get(0), in.get(1), opt(in, 2), d.axis()));
            }
            case QUANT -> {
                Op.Quant q = (Op.Quant) op;
                yield List.of(QuantKernels.quant(q, in.get(0), in.get(1), in.get(2), in.get(3)));
            }
            case BIPOLAR_QUANT -> List.of(QuantKernels.bipolarQuant(in.get(0), in.get(1)));
            case TRUNC -> {
                Op.Trunc t = (Op.Trunc) op;
                yield List.of(in.size() >= 6
                    ? QuantKernels.trunc(t, in.get(0), in.get(1), in.get(2), in.get(3), in.get(4), in.get(5))
                    : QuantKernels.trunc(t, in.get(0), in.get(1), in.get(2), in.get(3), null, in.get(4)));
            }
            case ATTENTION -> {
                Op.Attention a = (Op.Attention) op;
                yield List.of(FusedKernels.attention(a, in.get(0), in.get(1), in.get(2), opt(in, 3)));
            }
            case ROPE -> {
                Op.Rope r = (Op.Rope) op;
                yield List.of(RopeKernel.rope(r, in.get(0), in.get(1), in.get(2), opt(in, 3)));
            }
            case SWI_GLU -> List.of(FusedKernels.swiGlu(in.get(0), in.get(1)));
            case MLGRU -> List.of(FusedKernels.mlgru(in.get(0), in.get(1), ((Op.Mlgru) op).outputGate() ? in.get(2) : null));
            case MOE -> {
                Op.Moe m = (Op.Moe) op;
                yield List.of(FusedKernels.moe(m, in.get(0), in.get(1), in.get(2), in.get(3), in.get(4), in.get(5)));
            }
        };
    }

    private static Tensor opt(List<Tensor> in, int i) {
        return i < in.size() ? in.get(i) : null;
    }

    private static long[] toLongs(int[] v) {
        long[] r = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i];
        }
        return r;
    }

    private static Tensor slice(List<Tensor> in) {
        long[] starts = in.get(1).longs();
        long[] ends = in.get(2).longs();
        int[] axes = null;
        if (opt(in, 3) != null) {
            long[] a = in.get(3).longs();
            axes = new int[a.length];
            for (int i = 0; i < a.length; i++) {
                axes[i] = (int) a[i];
            }
        }
        long[] steps = opt(in, 4) == null ? null : in.get(4).longs();
        return ShapeKernels.slice(in.get(0), starts, ends, axes, steps);
    }
}
