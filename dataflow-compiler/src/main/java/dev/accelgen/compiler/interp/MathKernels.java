package dev.accelgen.compiler.interp;

import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorBudget;

/**
 * Elementwise, matrix and normalization kernels of the float interpreter. Each element is computed in double
 * and rounded to float32 once, so results stay within an ulp or two of onnxruntime's.
 */
public final class MathKernels {
    private MathKernels() {
    }

    public static Tensor binary(Op.BinaryKind k, Tensor a, Tensor b) {
        Shape out = Broadcast.shape(a.shape(), b.shape());
        int[] ia = Broadcast.sourceIndex(a.shape(), out);
        int[] ib = Broadcast.sourceIndex(b.shape(), out);
        int n = ia.length;
        boolean logical = switch (k) {
            case EQUAL, GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL, AND, OR -> true;
            default -> false;
        };
        if (logical) {
            long[] r = new long[n];
            for (int i = 0; i < n; i++) {
                double x = a.get(ia[i]);
                double y = b.get(ib[i]);
                boolean v = switch (k) {
                    case EQUAL -> x == y;
                    case GREATER -> x > y;
                    case GREATER_OR_EQUAL -> x >= y;
                    case LESS -> x < y;
                    case LESS_OR_EQUAL -> x <= y;
                    case AND -> x != 0 && y != 0;
                    case OR -> x != 0 || y != 0;
                    default -> throw new IllegalStateException();
                };
                r[i] = v ? 1 : 0;
            }
            return Tensor.ofLongs(DType.BOOL, out, r);
        }
        if (!a.isFloating() && !b.isFloating()) {
            long[] x = a.longs();
            long[] y = b.longs();
            long[] r = new long[n];
            for (int i = 0; i < n; i++) {
                long p = x[ia[i]];
                long q = y[ib[i]];
                r[i] = switch (k) {
                    case ADD -> p + q;
                    case SUB -> p - q;
                    case MUL -> p * q;
                    case DIV -> p / q; // ONNX integer Div truncates toward zero
                    case POW -> (long) Math.pow(p, q);
                    case MAX -> Math.max(p, q);
                    case MIN -> Math.min(p, q);
                    case MOD -> q == 0 ? 0 : Math.floorMod(p, q); // numpy's integer remainder by 0 is 0
                    case FMOD -> q == 0 ? 0 : p % q;
                    default -> throw new IllegalStateException();
                };
            }
            return Tensor.ofLongs(a.dtype(), out, r);
        }
        float[] r = new float[n];
        for (int i = 0; i < n; i++) {
            double x = a.get(ia[i]);
            double y = b.get(ib[i]);
            r[i] = (float) switch (k) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV -> x / y;
                case POW -> y == 2 ? x * x : Math.pow(x, y);
                case MAX -> Math.max(x, y);
                case MIN -> Math.min(x, y);
                case MOD -> floorRemainder(x, y);
                case FMOD -> x % y;
                default -> throw new IllegalStateException();
            };
        }
        return Tensor.ofFloats(out, r);
    }

    /** The remainder with the sign of the divisor (Python's {@code %}). */
    private static double floorRemainder(double x, double y) {
        double r = x % y;
        return r != 0 && (r < 0) != (y < 0) ? r + y : r;
    }

    public static Tensor unary(Op.UnaryKind k, Tensor a) {
        if (k == Op.UnaryKind.IDENTITY) {
            return a;
        }
        if (!a.isFloating()) {
            long[] x = a.longs();
            long[] r = new long[x.length];
            for (int i = 0; i < x.length; i++) {
                r[i] = switch (k) {
                    case NEG -> -x[i];
                    case ABS -> Math.abs(x[i]);
                    case NOT -> x[i] == 0 ? 1 : 0;
                    case RELU -> Math.max(0, x[i]);
                    default -> throw new IllegalArgumentException(k + " is not defined on integer tensors");
                };
            }
            return Tensor.ofLongs(a.dtype(), a.shape(), r);
        }
        float[] x = a.floats();
        float[] r = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            r[i] = (float) switch (k) {
                case NEG -> -v;
                case ABS -> Math.abs(v);
                case SQRT -> Math.sqrt(v);
                case RECIPROCAL -> 1.0 / v;
                case EXP -> Math.exp(v);
                case LOG -> Math.log(v);
                case ERF -> SpecialFunctions.erf(v);
                case TANH -> Math.tanh(v);
                case SIGMOID -> SpecialFunctions.sigmoid(v);
                case RELU -> Math.max(0, v);
                case SILU -> v * SpecialFunctions.sigmoid(v);
                case FLOOR -> Math.floor(v);
                case CEIL -> Math.ceil(v);
                case ROUND -> SpecialFunctions.roundHalfEven(v);
                case NOT -> throw new IllegalArgumentException("Not is defined on booleans only");
                case IDENTITY -> v;
            };
        }
        return Tensor.ofFloats(a.shape(), r);
    }

    public static Tensor gelu(Tensor a, boolean tanh) {
        float[] x = a.floats();
        float[] r = new float[x.length];
        double c = Math.sqrt(2 / Math.PI);
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            r[i] = (float) (tanh ? 0.5 * v * (1 + Math.tanh(c * (v + 0.044715 * v * v * v)))
                    : 0.5 * v * (1 + SpecialFunctions.erf(v / Math.sqrt(2))));
        }
        return Tensor.ofFloats(a.shape(), r);
    }

    public static Tensor where(Tensor cond, Tensor x, Tensor y) {
        Shape out = Broadcast.shape(Broadcast.shape(cond.shape(), x.shape()), y.shape());
        int[] ic = Broadcast.sourceIndex(cond.shape(), out);
        int[] ix = Broadcast.sourceIndex(x.shape(), out);
        int[] iy = Broadcast.sourceIndex(y.shape(), out);
        if (x.isFloating()) {
            float[] r = new float[ic.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) (cond.get(ic[i]) != 0 ? x.get(ix[i]) : y.get(iy[i]));
            }
            return Tensor.ofFloats(out, r);
        }
        long[] r = new long[ic.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = cond.get(ic[i]) != 0 ? x.longs()[ix[i]] : y.longs()[iy[i]];
        }
        return Tensor.ofLongs(x.dtype(), out, r);
    }

    /** Numpy matmul semantics: 1-D operands are promoted, batch dimensions broadcast ({@link MatMulKernel}). */
    public static Tensor matmul(Tensor a, Tensor b) {
        return MatMulKernel.matmul(a, b);
    }

    public static Tensor gemm(Op.Gemm g, Tensor a, Tensor b, Tensor c) {
        Tensor at = g.transA() ? ShapeKernels.transpose(a, new int[] {1, 0}) : a;
        Tensor bt = g.transB() ? ShapeKernels.transpose(b, new int[] {1, 0}) : b;
        Tensor ab = matmul(at, bt);
        float[] r = ab.floats().clone();
        if (g.alpha() != 1f) {
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) ((double) g.alpha() * r[i]);
            }
        }
        Tensor out = Tensor.ofFloats(ab.shape(), r);
        if (c == null) {
            return out;
        }
        Tensor cs = g.beta() == 1f ? c : binary(Op.BinaryKind.MUL, c, Tensor.ofFloats(Shape.scalar(), new float[] {g.beta()}));
        return binary(Op.BinaryKind.ADD, out, cs);
    }

    public static Tensor softmax(Tensor a, int axis) {
        return softmax(a, axis, false);
    }

    /** {@code x - max - log(sum(exp(x - max)))} along the axis. */
    public static Tensor logSoftmax(Tensor a, int axis) {
        return softmax(a, axis, true);
    }

    private static Tensor softmax(Tensor a, int axis, boolean log) {
        Shape s = a.shape();
        int ax = s.axis(axis);
        int len = s.dim(ax);
        int inner = 1;
        for (int i = ax + 1; i < s.rank(); i++) {
            inner *= s.dim(i);
        }
        int outer = (int) (s.elements() / ((long) len * inner));
        float[] x = a.floats();
        float[] r = new float[x.length];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * len * inner + in;
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < len; i++) {
                    max = Math.max(max, x[base + i * inner]);
                }
                double sum = 0;
                double[] e = new double[len];
                for (int i = 0; i < len; i++) {
                    e[i] = Math.exp(x[base + i * inner] - max);
                    sum += e[i];
                }
                for (int i = 0; i < len; i++) {
                    r[base + i * inner] = (float) (log ? x[base + i * inner] - max - Math.log(sum) : e[i] / sum);
                }
            }
        }
        return Tensor.ofFloats(s, r);
    }

    /** Normalizes over the trailing {@code count} elements: LayerNorm (subtract mean) or RMSNorm. */
    private static Tensor normalize(Tensor x, int count, boolean center, double eps, Tensor scale, Tensor bias) {
        float[] v = x.floats();
        float[] r = new float[v.length];
        int rows = v.length / count;
        for (int row = 0; row < rows; row++) {
            int base = row * count;
            double mean = 0;
            if (center) {
                for (int i = 0; i < count; i++) {
                    mean += v[base + i];
                }
                mean /= count;
            }
            double var = 0;
            for (int i = 0; i < count; i++) {
                double d = v[base + i] - mean;
                var += d * d;
            }
            var /= count;
            double inv = 1.0 / Math.sqrt(var + eps);
            for (int i = 0; i < count; i++) {
                double y = (v[base + i] - mean) * inv;
                if (scale != null) {
                    y *= scale.get(scale.size() == 1 ? 0 : i);
                }
                if (bias != null) {
                    y += bias.get(bias.size() == 1 ? 0 : i);
                }
                r[base + i] = (float) y;
            }
        }
        return Tensor.ofFloats(x.shape(), r);
    }

    public static Tensor layerNorm(Tensor x, int axis, double eps, Tensor scale, Tensor bias) {
        int ax = x.shape().axis(axis);
        int count = 1;
        for (int i = ax; i < x.shape().rank(); i++) {
            count *= x.shape().dim(i);
        }
        return normalize(x, count, true, eps, scale, bias);
    }

    public static Tensor rmsNorm(Tensor x, double eps, Tensor weight) {
        return normalize(x, x.shape().dim(-1), false, eps, weight, null);
    }

    public static Tensor clip(Tensor x, Tensor min, Tensor max) {
        double lo = min == null ? Double.NEGATIVE_INFINITY : min.get(0);
        double hi = max == null ? Double.POSITIVE_INFINITY : max.get(0);
        if (!x.isFloating()) {
            long[] v = x.longs();
            long[] r = new long[v.length];
            for (int i = 0; i < v.length; i++) {
                r[i] = (long) Math.max(lo, Math.min(hi, v[i]));
            }
            return Tensor.ofLongs(x.dtype(), x.shape(), r);
        }
        float[] v = x.floats();
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (float) Math.max(lo, Math.min(hi, v[i]));
        }
        return Tensor.ofFloats(x.shape(), r);
    }

    public static Tensor cast(Tensor x, DType to) {
        if (to == DType.FLOAT32) {
            if (x.isFloating()) {
                return x;
            }
            float[] r = new float[x.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) x.longs()[i];
            }
            return Tensor.ofFloats(x.shape(), r);
        }
        long[] r = new long[x.size()];
        for (int i = 0; i < r.length; i++) {
            double v = x.get(i);
            r[i] = to == DType.BOOL ? (v != 0 ? 1 : 0) : (long) v;
        }
        return Tensor.ofLongs(to, x.shape(), r);
    }
}
