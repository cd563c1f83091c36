package dev.accelgen.compiler.interp;

import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorBudget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Kernels that move data without arithmetic: layout, indexing, reductions and top-k. */
public final class ShapeKernels {
    private ShapeKernels() {
    }

    /** A tensor with the same type as {@code like} holding the elements of {@code like} at {@code src}. */
    static Tensor gatherElements(Tensor like, Shape out, int[] src) {
        if (like.isFloating()) {
            float[] v = like.floats();
            float[] r = new float[src.length];
            for (int i = 0; i < src.length; i++) {
                r[i] = v[src[i]];
            }
            return Tensor.ofFloats(out, r);
        }
        long[] v = like.longs();
        long[] r = new long[src.length];
        for (int i = 0; i < src.length; i++) {
            r[i] = v[src[i]];
        }
        return Tensor.ofLongs(like.dtype(), out, r);
    }

    public static Tensor transpose(Tensor x, int[] perm) {
        Shape s = x.shape();
        int r = s.rank();
        int[] p = perm == null ? reversed(r) : perm;
        if (p.length != r) {
            throw new IllegalArgumentException("perm " + Arrays.toString(p) + " does not match rank " + r);
        }
        int[] outDims = new int[r];
        int[] inStr = Broadcast.strides(s);
        int[] str = new int[r];
        for (int i = 0; i < r; i++) {
            outDims[i] = s.dim(p[i]);
            str[i] = inStr[p[i]];
        }
        Shape out = Shape.of(outDims);
        int n = TensorBudget.elements(out);
        int[] src = new int[n];
        int[] c = new int[r];
        int pos = 0;
        for (int k = 0; k < n; k++) {
            src[k] = pos;
            for (int d = r - 1; d >= 0; d--) {
                c[d]++;
                pos += str[d];
                if (c[d] < outDims[d]) {
                    break;
                }
                pos -= str[d] * c[d];
                c[d] = 0;
            }
        }
        return gatherElements(x, out, src);
    }

    private static int[] reversed(int r) {
        int[] p = new int[r];
        for (int i = 0; i < r; i++) {
            p[i] = r - 1 - i;
        }
        return p;
    }

    /** ONNX Reshape target: one -1 is inferred; 0 copies the input dimension, or is a real 0 with allowZero. */
    public static Shape reshapeTarget(Shape in, long[] spec, boolean allowZero) {
        int[] d = new int[spec.length];
        int infer = -1;
        long known = 1;
        for (int i = 0; i < spec.length; i++) {
            if (spec[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape target " + Arrays.toString(spec) + " has two -1");
                }
                infer = i;
                continue;
            }
            d[i] = spec[i] == 0 && !allowZero ? in.dim(i) : Math.toIntExact(spec[i]);
            known *= d[i];
        }
        if (infer >= 0) {
            if (known == 0 || in.elements() % known != 0) {
                throw new IllegalArgumentException("cannot reshape " + in + " to " + Arrays.toString(spec));
            }
            d[infer] = (int) (in.elements() / known);
        }
        Shape out = Shape.of(d);
        if (out.elements() != in.elements()) {
            throw new IllegalArgumentException("cannot reshape " + in + " (" + in.elements() + " elements) to " + out);
        }
        return out;
    }

    public static List<Tensor> split(Tensor x, int axis, long[] sizes, int outputs) {
        Shape s = x.shape();
        int ax = s.axis(axis);
        int len = s.dim(ax);
        long[] sz = sizes;
        if (sz == null) {
            if (len % outputs != 0) {
                throw new IllegalArgumentException("axis of length " + len + " does not split evenly into " + outputs);
            }
            sz = new long[outputs];
            Arrays.fill(sz, len / outputs);
        }
        long total = Arrays.stream(sz).sum();
        if (total != len || sz.length != outputs) {
            throw new IllegalArgumentException("split sizes " + Arrays.toString(sz) + " do not cover axis length " + len);
        }
        List<Tensor> out = new ArrayList<>();
        long start = 0;
        for (long z : sz) {
            out.add(slice(x, new long[] {start}, new long[] {start + z}, new int[] {ax}, new long[] {1}));
            start += z;
        }
        return out;
    }

    public static Tensor concat(List<Tensor> xs, int axis) {
        Shape s0 = xs.get(0).shape();
        int ax = s0.axis(axis);
        int[] outDims = s0.dims();
        outDims[ax] = 0;
        for (Tensor t : xs) {
            if (t.shape().rank() != s0.rank()) {
                throw new IllegalArgumentException("Concat inputs " + s0 + " and " + t.shape() + " differ in rank");
            }
            for (int i = 0; i < s0.rank(); i++) {
                if (i != ax && t.shape().dim(i) != s0.dim(i)) {
                    throw new IllegalArgumentException("Concat inputs " + s0 + " and " + t.shape() + " differ off axis " + ax);
                }
            }
            outDims[ax] += t.shape().dim(ax);
        }
        int outer = 1;
        for (int i = 0; i < ax; i++) {
            outer *= s0.dim(i);
        }
        Shape out = Shape.of(outDims);
        boolean fl = xs.get(0).isFloating();
        int total = TensorBudget.elements(out);
        float[] rf = fl ? new float[total] : null;
        long[] rl = fl ? null : new long[total];
        int pos = 0;
        for (int o = 0; o < outer; o++) {
            for (Tensor t : xs) {
                int chunk = (int) (t.size() / outer);
                if (fl) {
                    System.arraycopy(t.floats(), o * chunk, rf, pos, chunk);
                } else {
                    System.arraycopy(t.longs(), o * chunk, rl, pos, chunk);
                }
                pos += chunk;
            }
        }
        return fl ? Tensor.ofFloats(out, rf) : Tensor.ofLongs(xs.get(0).dtype(), out, rl);
    }

    /** ONNX Slice with clamped bounds; {@code axes} already normalized or negative. */
    public static Tensor slice(Tensor x, long[] starts, long[] ends, int[] axes, long[] steps) {
        Shape s = x.shape();
        int r = s.rank();
        long[] st = new long[r];
        long[] step = new long[r];
        int[] cnt = s.dims();
        Arrays.fill(step, 1);
        for (int i = 0; i < starts.length; i++) {
            int ax = s.axis(axes == null ? i : axes[i]);
            long d = s.dim(ax);
            long sp = steps == null ? 1 : steps[i];
            if (sp == 0) {
                throw new IllegalArgumentException("Slice step must not be 0");
            }
            long b = starts[i] < 0 ? starts[i] + d : starts[i];
            long e = ends[i] < 0 ? ends[i] + d : ends[i];
            if (sp > 0) {
                b = Math.max(0, Math.min(d, b));
                e = Math.max(0, Math.min(d, e));
                cnt[ax] = (int) Math.max(0, (e - b + sp - 1) / sp);
            } else {
                b = Math.max(-1, Math.min(d - 1, b));
                e = Math.max(-1, Math.min(d - 1, e));
                cnt[ax] = (int) Math.max(0, (b - e - sp - 1) / -sp);
            }
            st[ax] = b;
            step[ax] = sp;
        }
        Shape out = Shape.of(cnt);
        int[] inStr = Broadcast.strides(s);
        int n = TensorBudget.elements(out);
        int[] src = new int[n];
        int[] c = new int[r];
        for (int k = 0; k < n; k++) {
            long pos = 0;
            for (int d = 0; d < r; d++) {
                pos += (st[d] + c[d] * step[d]) * inStr[d];
            }
            src[k] = (int) pos;
            for (int d = r - 1; d >= 0; d--) {
                if (++c[d] < cnt[d]) {
                    break;
                }
                c[d] = 0;
            }
        }
        return gatherElements(x, out, src);
    }

    public static Tensor gather(Tensor data, Tensor indices, int axis) {
        Shape s = data.shape();
        int ax = s.axis(axis);
        int len = s.dim(ax);
        int outer = 1;
        for (int i = 0; i < ax; i++) {
            outer *= s.dim(i);
        }
        int inner = 1;
        for (int i = ax + 1; i < s.rank(); i++) {
            inner *= s.dim(i);
        }
        long[] idx = indices.longs();
        int[] outDims = new int[s.rank() - 1 + indices.shape().rank()];
        int p = 0;
        for (int i = 0; i < ax; i++) {
            outDims[p++] = s.dim(i);
        }
        for (int i = 0; i < indices.shape().rank(); i++) {
            outDims[p++] = indices.shape().dim(i);
        }
        for (int i = ax + 1; i < s.rank(); i++) {
            outDims[p++] = s.dim(i);
        }
        int[] src = new int[outer * idx.length * inner];
        int k = 0;
        for (int o = 0; o < outer; o++) {
            for (long ix : idx) {
                long j = ix < 0 ? ix + len : ix;
                if (j < 0 || j >= len) {
                    throw new IllegalArgumentException("Gather index " + ix + " is outside 0.." + (len - 1));
                }
                for (int in = 0; in < inner; in++) {
                    src[k++] = (int) ((o * (long) len + j) * inner + in);
                }
            }
        }
        return gatherElements(data, Shape.of(outDims), src);
    }

    public static Shape unsqueezed(Shape s, long[] axes) {
        int r = s.rank() + axes.length;
        boolean[] ins = new boolean[r];
        for (long a : axes) {
            int ax = (int) (a < 0 ? a + r : a);
            if (ax < 0 || ax >= r || ins[ax]) {
                throw new IllegalArgumentException("Unsqueeze axes " + Arrays.toString(axes) + " are invalid for rank " + s.rank());
            }
            ins[ax] = true;
        }
        int[] d = new int[r];
        int j = 0;
        for (int i = 0; i < r; i++) {
            d[i] = ins[i] ? 1 : s.dim(j++);
        }
        return Shape.of(d);
    }

    public static Shape squeezed(Shape s, long[] axes) {
        boolean[] drop = new boolean[s.rank()];
        if (axes == null) {
            for (int i = 0; i < s.rank(); i++) {
                drop[i] = s.dim(i) == 1;
            }
        } else {
            for (long a : axes) {
                int ax = s.axis((int) a);
                if (s.dim(ax) != 1) {
                    throw new IllegalArgumentException("Squeeze axis " + a + " has size " + s.dim(ax) + " in " + s);
                }
                drop[ax] = true;
            }
        }
        int[] d = new int[s.rank()];
        int j = 0;
        for (int i = 0; i < s.rank(); i++) {
            if (!drop[i]) {
                d[j++] = s.dim(i);
            }
        }
        return Shape.of(Arrays.copyOf(d, j));
    }

    public static Tensor tile(Tensor x, long[] repeats) {
        Shape s = x.shape();
        if (repeats.length != s.rank()) {
            throw new IllegalArgumentException("Tile repeats " + Arrays.toString(repeats) + " do not match rank " + s.rank());
        }
        int[] outDims = new int[s.rank()];
        for (int i = 0; i < s.rank(); i++) {
            outDims[i] = Math.toIntExact(s.dim(i) * repeats[i]);
        }
        Shape out = Shape.of(outDims);
        int[] inStr = Broadcast.strides(s);
        int n = TensorBudget.elements(out);
        int[] src = new int[n];
        int[] c = new int[s.rank()];
        for (int k = 0; k < n; k++) {
            int pos = 0;
            for (int d = 0; d < s.rank(); d++) {
                pos += (c[d] % s.dim(d)) * inStr[d];
            }
            src[k] = pos;
            for (int d = s.rank() - 1; d >= 0; d--) {
                if (++c[d] < outDims[d]) {
                    break;
                }
                c[d] = 0;
            }
        }
        return gatherElements(x, out, src);
    }

    public static Tensor expand(Tensor x, long[] shape) {
        int[] d = new int[shape.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.toIntExact(shape[i]);
        }
        Shape out = Broadcast.shape(x.shape(), Shape.of(d));
        return gatherElements(x, out, Broadcast.sourceIndex(x.shape(), out));
    }

    public static Tensor shapeOf(Shape s, int start, int end) {
        int r = s.rank();
        int b = Math.max(0, Math.min(r, start < 0 ? start + r : start));
        int e = end == Op.ShapeOf.TO_END ? r : Math.max(0, Math.min(r, end < 0 ? end + r : end));
        long[] v = new long[Math.max(0, e - b)];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.dim(b + i);
        }
        return Tensor.ofLongs(DType.INT64, Shape.of(v.length), v);
    }

    /** The normalized reduction axes (all axes when {@code axes} is null or empty and not a no-op). */
    public static boolean[] reduceMask(Shape s, long[] axes) {
        boolean[] m = new boolean[s.rank()];
        if (axes == null || axes.length == 0) {
            Arrays.fill(m, true);
        } else {
            for (long a : axes) {
                m[s.axis((int) a)] = true;
            }
        }
        return m;
    }

    public static Shape reducedShape(Shape s, boolean[] mask, boolean keep) {
        int[] d = new int[s.rank()];
        int j = 0;
        for (int i = 0; i < s.rank(); i++) {
            if (mask[i]) {
                if (keep) {
                    d[j++] = 1;
                }
            } else {
                d[j++] = s.dim(i);
            }
        }
        return Shape.of(Arrays.copyOf(d, j));
    }

    public static Tensor reduce(Tensor x, Op.ReduceKind kind, long[] axes, boolean keep) {
        Shape s = x.shape();
        boolean[] mask = reduceMask(s, axes);
        Shape out = reducedShape(s, mask, keep);
        int outN = TensorBudget.elements(out);
        double[] acc = new double[outN];
        int[] count = new int[outN];
        if (kind == Op.ReduceKind.MAX) {
            Arrays.fill(acc, Double.NEGATIVE_INFINITY);
        } else if (kind == Op.ReduceKind.MIN) {
            Arrays.fill(acc, Double.POSITIVE_INFINITY);
        }
        int r = s.rank();
        int[] c = new int[r];
        int[] outStr = new int[r];
        int stride = 1;
        for (int i = r - 1; i >= 0; i--) {
            outStr[i] = mask[i] ? 0 : stride;
            stride *= mask[i] ? 1 : s.dim(i);
        }
        int n = x.size();
        for (int k = 0; k < n; k++) {
            int o = 0;
            for (int d = 0; d < r; d++) {
                o += c[d] * outStr[d];
            }
            double v = x.get(k);
            acc[o] = switch (kind) {
                case SUM, MEAN -> acc[o] + v;
                case MAX -> Math.max(acc[o], v);
                case MIN -> Math.min(acc[o], v);
            };
            count[o]++;
            for (int d = r - 1; d >= 0; d--) {
                if (++c[d] < s.dim(d)) {
                    break;
                }
                c[d] = 0;
            }
        }
        if (!x.isFloating()) {
            long[] rl = new long[outN];
            for (int i = 0; i < outN; i++) {
                rl[i] = (long) (kind == Op.ReduceKind.MEAN ? acc[i] / count[i] : acc[i]);
            }
            return Tensor.ofLongs(x.dtype(), out, rl);
        }
        float[] rf = new float[outN];
        for (int i = 0; i < outN; i++) {
            rf[i] = (float) (kind == Op.ReduceKind.MEAN ? acc[i] / count[i] : acc[i]);
        }
        return Tensor.ofFloats(out, rf);
    }

    /** Values and int64 indices of the k largest (or smallest) along an axis; ties keep the lower index first. */
    public static List<Tensor> topK(Tensor x, int k, int axis, boolean largest) {
        Shape s = x.shape();
        int ax = s.axis(axis);
        int len = s.dim(ax);
        if (k < 0 || k > len) {
            throw new IllegalArgumentException("TopK k=" + k + " is outside 0.." + len);
        }
        int inner = 1;
        for (int i = ax + 1; i < s.rank(); i++) {
            inner *= s.dim(i);
        }
        int outer = (int) (s.elements() / ((long) len * inner));
        int[] outDims = s.dims();
        outDims[ax] = k;
        Shape out = Shape.of(outDims);
        float[] vals = new float[outer * k * inner];
        long[] idx = new long[vals.length];
        Integer[] order = new Integer[len];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                final int base = o * len * inner + in;
                final int step = inner;
                for (int i = 0; i < len; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (p, q) -> {
                    int c = Double.compare(x.get(base + p * step), x.get(base + q * step));
                    return c != 0 ? (largest ? -c : c) : Integer.compare(p, q);
                });
                for (int j = 0; j < k; j++) {
                    int dst = o * k * inner + j * inner + in;
                    vals[dst] = (float) x.get(base + order[j] * inner);
                    idx[dst] = order[j];
                }
            }
        }
        return List.of(Tensor.ofFloats(out, vals), Tensor.ofLongs(DType.INT64, out, idx));
    }
}
