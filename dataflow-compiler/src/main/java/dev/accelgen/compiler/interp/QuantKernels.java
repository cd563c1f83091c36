package dev.accelgen.compiler.interp;

import dev.accelgen.compiler.ir.DType;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Tensor;

/** ONNX QuantizeLinear/DequantizeLinear and the QONNX Quant, BipolarQuant and Trunc ops, in float. */
public final class QuantKernels {
    private QuantKernels() {
    }

    /** Index of the scale/zero point an element uses: per-tensor (size 1) or per-axis. */
    private static int paramIndex(Tensor x, Tensor param, int axis, int i) {
        if (param.size() == 1) {
            return 0;
        }
        int ax = x.shape().axis(axis);
        int inner = 1;
        for (int d = ax + 1; d < x.shape().rank(); d++) {
            inner *= x.shape().dim(d);
        }
        return (i / inner) % x.shape().dim(ax);
    }

    public static Tensor quantizeLinear(Tensor x, Tensor scale, Tensor zeroPoint, int axis) {
        DType to = zeroPoint == null ? DType.UINT8 : zeroPoint.dtype();
        long lo = to == DType.INT8 ? -128 : to == DType.UINT8 ? 0 : Integer.MIN_VALUE;
        long hi = to == DType.INT8 ? 127 : to == DType.UINT8 ? 255 : Integer.MAX_VALUE;
        long[] r = new long[x.size()];
        for (int i = 0; i < r.length; i++) {
            int p = paramIndex(x, scale, axis, i);
            double zp = zeroPoint == null ? 0 : zeroPoint.get(p);
            double q = Math.rint(x.get(i) / scale.get(p)) + zp;
            r[i] = (long) Math.max(lo, Math.min(hi, q));
        }
        return Tensor.ofLongs(to, x.shape(), r);
    }

    public static Tensor dequantizeLinear(Tensor x, Tensor scale, Tensor zeroPoint, int axis) {
        float[] r = new float[x.size()];
        for (int i = 0; i < r.length; i++) {
            int p = paramIndex(x, scale, axis, i);
            double zp = zeroPoint == null ? 0 : zeroPoint.get(p);
            r[i] = (float) ((x.get(i) - zp) * scale.get(p));
        }
        return Tensor.ofFloats(x.shape(), r);
    }

    static double round(double v, Op.RoundingMode m) {
        return switch (m) {
            case ROUND -> Math.rint(v);
            case CEIL -> Math.ceil(v);
            case FLOOR -> Math.floor(v);
            case UP -> Math.signum(v) * Math.ceil(Math.abs(v));
            case DOWN -> v < 0 ? Math.ceil(v) : Math.floor(v);
            case HALF_UP -> Math.signum(v) * Math.floor(Math.abs(v) + 0.5);
            case HALF_DOWN -> Math.signum(v) * Math.ceil(Math.abs(v) - 0.5);
        };
    }

    /** QONNX Quant: {@code scale * (clamp(round(x/scale + zp), min, max) - zp)}; scale and zp broadcast. */
    public static Tensor quant(Op.Quant q, Tensor x, Tensor scale, Tensor zeroPoint, Tensor bitWidth) {
        double bits = bitWidth.get(0);
        double min;
        double max;
        if (q.signed()) {
            min = q.narrow() ? -Math.pow(2, bits - 1) + 1 : -Math.pow(2, bits - 1);
            max = Math.pow(2, bits - 1) - 1;
        } else {
            min = 0;
            max = q.narrow() ? Math.pow(2, bits) - 2 : Math.pow(2, bits) - 1;
        }
        var out = Broadcast.shape(Broadcast.shape(x.shape(), scale.shape()), zeroPoint.shape());
        int[] ix = Broadcast.sourceIndex(x.shape(), out);
        int[] is = Broadcast.sourceIndex(scale.shape(), out);
        int[] iz = Broadcast.sourceIndex(zeroPoint.shape(), out);
        float[] r = new float[ix.length];
        for (int i = 0; i < r.length; i++) {
            double s = scale.get(is[i]);
            double zp = zeroPoint.get(iz[i]);
            double v = Math.max(min, Math.min(max, round(x.get(ix[i]) / s + zp, q.rounding())));
            r[i] = (float) ((v - zp) * s);
        }
        return Tensor.ofFloats(out, r);
    }

    public static Tensor bipolarQuant(Tensor x, Tensor scale) {
        var out = Broadcast.shape(x.shape(), scale.shape());
        int[] ix = Broadcast.sourceIndex(x.shape(), out);
        int[] is = Broadcast.sourceIndex(scale.shape(), out);
        float[] r = new float[ix.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) ((x.get(ix[i]) >= 0 ? 1 : -1) * scale.get(is[i]));
        }
        return Tensor.ofFloats(out, r);
    }

    /**
     * QONNX Trunc, as the qonnx executor defines it. v1: {@code (r(rint(x/s + zp) / 2^(in-out)) - zp) * s};
     * v2 ({@code outScale} given): {@code t = 2^round(log2(outScale/s))}, {@code y = rint(x/s + zp) / t} clamped to the
     * output range, rounded, then {@code (y - zp/t) * outScale}.
     */
    public static Tensor trunc(Op.Trunc t, Tensor x, Tensor scale, Tensor zeroPoint, Tensor inBits, Tensor outScale, Tensor outBits) {
        var out = Broadcast.shape(Broadcast.shape(x.shape(), scale.shape()), zeroPoint.shape());
        int[] ix = Broadcast.sourceIndex(x.shape(), out);
        int[] is = Broadcast.sourceIndex(scale.shape(), out);
        int[] iz = Broadcast.sourceIndex(zeroPoint.shape(), out);
        float[] r = new float[ix.length];
        for (int i = 0; i < r.length; i++) {
            double s = scale.get(is[i]);
            double zp = zeroPoint.get(iz[i]);
            double y = Math.rint(x.get(ix[i]) / s + zp);
            if (outScale == null) {
                double shift = Math.pow(2, inBits.get(0) - outBits.get(0));
                r[i] = (float) ((round(y / shift, t.rounding()) - zp) * s);
            } else {
                double os = outScale.get(0);
                double shift = Math.pow(2, Math.rint(Math.log(os / s) / Math.log(2)));
                double bits = outBits.get(0);
                double min = t.signed() ? (t.narrow() ? -Math.pow(2, bits - 1) + 1 : -Math.pow(2, bits - 1)) : 0;
                double max = t.signed() ? Math.pow(2, bits - 1) - 1 : (t.narrow() ? Math.pow(2, bits) - 2 : Math.pow(2, bits) - 1);
                double v = Math.max(min, Math.min(max, y / shift));
                r[i] = (float) ((round(v, t.rounding()) - zp / shift) * os);
            }
        }
        return Tensor.ofFloats(out, r);
    }
}
