package dev.accelgen.compiler.interp;

import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;

/** Range and CumSum: values generated or accumulated along one axis. */
public final class SequenceKernels {
    private SequenceKernels() {
    }

    /**
     * ONNX Range: {@code max(ceil((limit - start) / delta), 0)} values start, start + delta, ... in the type of
     * start. Float values accumulate in float32 ({@code v += delta}) as the standard's reference loop does.
     */
    public static Tensor range(Tensor start, Tensor limit, Tensor delta) {
        for (Tensor t : new Tensor[] {start, limit, delta}) {
            if (t.size() != 1) {
                throw new IllegalArgumentException("Range operands must be scalars, got " + t.shape());
            }
        }
        double d = delta.get(0);
        if (d == 0) {
            throw new IllegalArgumentException("Range delta must not be 0");
        }
        long count = Math.max((long) Math.ceil((limit.get(0) - start.get(0)) / d), 0);
        int n = Math.toIntExact(count);
        if (start.isFloating()) {
            float[] r = new float[n];
            float v = start.floats()[0];
            for (int i = 0; i < n; i++) {
                r[i] = v;
                v = v + delta.floats()[0];
            }
            return Tensor.ofFloats(Shape.of(n), r);
        }
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = start.longs()[0] + i * delta.longs()[0];
        }
        return Tensor.ofLongs(start.dtype(), Shape.of(n), r);
    }

    /**
     * Running sums along {@code axis} (a scalar tensor); exclusive sums leave the element out, reverse runs from the
     * end. Float sums accumulate in double, integer sums in int64.
     */
    public static Tensor cumSum(Tensor x, Tensor axis, boolean exclusive, boolean reverse) {
        if (axis.size() != 1 || axis.isFloating()) {
            throw new IllegalArgumentException("CumSum axis must be one integer, got " + axis.type());
        }
        Shape s = x.shape();
        int ax = s.axis((int) axis.longs()[0]);
        int len = s.dim(ax);
        int inner = 1;
        for (int i = ax + 1; i < s.rank(); i++) {
            inner *= s.dim(i);
        }
        if (x.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("CumSum is not defined on booleans");
        }
        int lines = len == 0 ? 0 : x.size() / len;
        boolean fl = x.isFloating();
        float[] rf = fl ? new float[x.size()] : null;
        long[] rl = fl ? null : new long[x.size()];
        for (int line = 0; line < lines; line++) {
            int first = line / inner * len * inner + line % inner;
            double accF = 0;
            long accL = 0;
            for (int k = 0; k < len; k++) {
                int pos = first + (reverse ? len - 1 - k : k) * inner;
                if (fl) {
                    double before = accF;
                    accF += x.floats()[pos];
                    rf[pos] = (float) (exclusive ? before : accF);
                } else {
                    long before = accL;
                    accL += x.longs()[pos];
                    rl[pos] = exclusive ? before : accL;
                }
            }
        }
        return fl ? Tensor.ofFloats(s, rf) : Tensor.ofLongs(x.dtype(), s, rl);
    }
}
