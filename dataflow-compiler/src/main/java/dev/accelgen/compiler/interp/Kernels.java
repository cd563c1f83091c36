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
        if (op instanceof Op.Binary b) {
            return List.of(MathKernels.binary(b.op(), in.get(0), in.get(1)));
        }
        if (op instanceof Op.Unary u) {
            return List.of(MathKernels.unary(u.op(), in.get(0)));
        }
        if (op instanceof Op.Gelu g) {
            return List.of(MathKernels.gelu(in.get(0), g.tanh()));
        }
        if (op instanceof Op.Where w) {
            return List.of(MathKernels.where(in.get(0), in.get(1), in.get(2)));
        }
        if (op instanceof Op.MatMul m) {
            return List.of(MathKernels.matmul(in.get(0), in.get(1)));
        }
        if (op instanceof Op.Gemm g) {
            return List.of(MathKernels.gemm(g, in.get(0), in.get(1), opt(in, 2)));
        }
        if (op instanceof Op.Softmax s) {
            return List.of(MathKernels.softmax(in.get(0), s.axis()));
        }
        if (op instanceof Op.LayerNorm l) {
            return List.of(MathKernels.layerNorm(in.get(0), l.axis(), l.eps(), opt(in, 1), opt(in, 2)));
        }
        if (op instanceof Op.RmsNorm r) {
            return List.of(MathKernels.rmsNorm(in.get(0), r.eps(), opt(in, 1)));
        }
        if (op instanceof Op.Transpose t) {
            return List.of(ShapeKernels.transpose(in.get(0), t.perm()));
        }
        if (op instanceof Op.Reshape r) {
            return List.of(in.get(0).reshape(ShapeKernels.reshapeTarget(in.get(0).shape(), in.get(1).longs(), r.allowZero())));
        }
        if (op instanceof Op.Split s) {
            return ShapeKernels.split(in.get(0), s.axis(), opt(in, 1) == null ? null : in.get(1).longs(), outputs);
        }
        if (op instanceof Op.Concat c) {
            return List.of(ShapeKernels.concat(in, c.axis()));
        }
        if (op instanceof Op.Slice s) {
            return List.of(slice(in));
        }
        if (op instanceof Op.Gather g) {
            return List.of(ShapeKernels.gather(in.get(0), in.get(1), g.axis()));
        }
        if (op instanceof Op.Unsqueeze u) {
            return List.of(in.get(0).reshape(ShapeKernels.unsqueezed(in.get(0).shape(), in.get(1).longs())));
        }
        if (op instanceof Op.Squeeze s) {
            return List.of(in.get(0).reshape(ShapeKernels.squeezed(in.get(0).shape(),
                    opt(in, 1) == null ? null : in.get(1).longs())));
        }
        if (op instanceof Op.Tile t) {
            return List.of(ShapeKernels.tile(in.get(0), in.get(1).longs()));
        }
        if (op instanceof Op.Expand e) {
            return List.of(ShapeKernels.expand(in.get(0), in.get(1).longs()));
        }
        if (op instanceof Op.ShapeOf s) {
            return List.of(ShapeKernels.shapeOf(in.get(0).shape(), s.start(), s.end()));
        }
        if (op instanceof Op.Cast c) {
            return List.of(MathKernels.cast(in.get(0), c.to()));
        }
        if (op instanceof Op.ConstantOfShape c) {
            return List.of(ShapeKernels.expand(c.value().reshape(Shape.scalar()), in.get(0).longs()));
        }
        if (op instanceof Op.Constant c) {
            return List.of(c.value());
        }
        if (op instanceof Op.Reduce r) {
            return List.of(ShapeKernels.reduce(in.get(0), r.op(),
                    r.axes() != null ? toLongs(r.axes()) : opt(in, 1) == null ? null : in.get(1).longs(), r.keepDims()));
        }
        if (op instanceof Op.TopK t) {
            return ShapeKernels.topK(in.get(0), (int) in.get(1).longs()[0], t.axis(), t.largest());
        }
        if (op instanceof Op.Clip c) {
            return List.of(MathKernels.clip(in.get(0), opt(in, 1), opt(in, 2)));
        }
        if (op instanceof Op.QuantizeLinear q) {
            return List.of(QuantKernels.quantizeLinear(in.get(0), in.get(1), opt(in, 2), q.axis()));
        }
        if (op instanceof Op.DequantizeLinear d) {
            return List.of(QuantKernels.dequantizeLinear(in.get(0), in.get(1), opt(in, 2), d.axis()));
        }
        if (op instanceof Op.Quant q) {
            return List.of(QuantKernels.quant(q, in.get(0), in.get(1), in.get(2), in.get(3)));
        }
        if (op instanceof Op.BipolarQuant b) {
            return List.of(QuantKernels.bipolarQuant(in.get(0), in.get(1)));
        }
        if (op instanceof Op.Trunc t) {
            return List.of(in.size() >= 6
                    ? QuantKernels.trunc(t, in.get(0), in.get(1), in.get(2), in.get(3), in.get(4), in.get(5))
                    : QuantKernels.trunc(t, in.get(0), in.get(1), in.get(2), in.get(3), null, in.get(4)));
        }
        if (op instanceof Op.Attention a) {
            return List.of(FusedKernels.attention(a, in.get(0), in.get(1), in.get(2), opt(in, 3)));
        }
        if (op instanceof Op.SwiGlu s) {
            return List.of(FusedKernels.swiGlu(in.get(0), in.get(1)));
        }
        if (op instanceof Op.Mlgru m) {
            return List.of(FusedKernels.mlgru(in.get(0), in.get(1), in.get(2)));
        }
        if (op instanceof Op.Moe m) {
            return List.of(FusedKernels.moe(m, in.get(0), in.get(1), in.get(2), in.get(3), in.get(4), in.get(5)));
        }
        throw new IllegalStateException("no kernel for op " + op.kind());
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
