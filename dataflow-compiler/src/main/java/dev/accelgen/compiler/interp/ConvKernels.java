package dev.accelgen.compiler.interp;

import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;

/** Channel-first (NCHW) kernels: convolution and inference-form batch normalization. */
public final class ConvKernels {
    private ConvKernels() {
    }

    /** ONNX Conv over 1 or 2 spatial axes; a 1-D convolution runs as a 2-D one of height 1. */
    public static Tensor conv(Op.Conv c, Tensor x, Tensor w, Tensor bias) {
        Shape s = x.shape();
        if (s.rank() == 3 && w.shape().rank() == 3) {
            int[] p = c.pads();
            Op.Conv flat = new Op.Conv(c.group(), new int[] {1, c.strides()[0]}, new int[] {0, p[0], 0, p[1]},
                    new int[] {1, c.dilations()[0]});
            Tensor y = conv2d(flat, x.reshape(Shape.of(s.dim(0), s.dim(1), 1, s.dim(2))),
                    w.reshape(Shape.of(w.shape().dim(0), w.shape().dim(1), 1, w.shape().dim(2))), bias);
            return y.reshape(Shape.of(y.shape().dim(0), y.shape().dim(1), y.shape().dim(3)));
        }
        if (s.rank() != 4 || w.shape().rank() != 4) {
            throw new IllegalArgumentException("Conv needs 3-D or 4-D input and weight of one rank, got " + s + " and " + w.shape());
        }
        return conv2d(c, x, w, bias);
    }

    private static Tensor conv2d(Op.Conv c, Tensor x, Tensor w, Tensor bias) {
        int n = x.shape().dim(0);
        int ch = x.shape().dim(1);
        int h = x.shape().dim(2);
        int wd = x.shape().dim(3);
        int m = w.shape().dim(0);
        int cg = w.shape().dim(1);
        int kh = w.shape().dim(2);
        int kw = w.shape().dim(3);
        int g = c.group();
        if (g < 1 || ch != cg * g || m % g != 0) {
            throw new IllegalArgumentException("Conv input " + x.shape() + " and weight " + w.shape() + " do not fit group " + g);
        }
        if (bias != null && bias.size() != m) {
            throw new IllegalArgumentException("Conv bias " + bias.shape() + " needs " + m + " values");
        }
        int[] st = c.strides();
        int[] d = c.dilations();
        int[] p = c.pads();
        int oh = (h + p[0] + p[2] - d[0] * (kh - 1) - 1) / st[0] + 1;
        int ow = (wd + p[1] + p[3] - d[1] * (kw - 1) - 1) / st[1] + 1;
        if (oh < 1 || ow < 1) {
            throw new IllegalArgumentException("Conv kernel " + w.shape() + " does not fit input " + x.shape() + " with its pads");
        }
        float[] xv = x.floats();
        float[] wv = w.floats();
        float[] out = new float[n * m * oh * ow];
        int perGroup = m / g;
        for (int b = 0; b < n; b++) {
            for (int oc = 0; oc < m; oc++) {
                int firstIn = oc / perGroup * cg;
                for (int y = 0; y < oh; y++) {
                    for (int xo = 0; xo < ow; xo++) {
                        double acc = bias == null ? 0 : bias.get(oc);
                        for (int ic = 0; ic < cg; ic++) {
                            int xBase = (b * ch + firstIn + ic) * h;
                            int wBase = (oc * cg + ic) * kh;
                            for (int i = 0; i < kh; i++) {
                                int iy = y * st[0] - p[0] + i * d[0];
                                if (iy < 0 || iy >= h) {
                                    continue;
                                }
                                for (int j = 0; j < kw; j++) {
                                    int ix = xo * st[1] - p[1] + j * d[1];
                                    if (ix >= 0 && ix < wd) {
                                        acc += (double) xv[(xBase + iy) * wd + ix] * wv[(wBase + i) * kw + j];
                                    }
                                }
                            }
                        }
                        out[((b * m + oc) * oh + y) * ow + xo] = (float) acc;
                    }
                }
            }
        }
        return Tensor.ofFloats(Shape.of(n, m, oh, ow), out);
    }

    /** {@code (x - mean) / sqrt(var + eps) * scale + bias} per channel (axis 1). */
    public static Tensor batchNorm(Tensor x, Tensor scale, Tensor bias, Tensor mean, Tensor var, double eps) {
        Shape s = x.shape();
        int c = s.rank() < 2 ? 1 : s.dim(1);
        for (Tensor t : new Tensor[] {scale, bias, mean, var}) {
            if (t.size() != c) {
                throw new IllegalArgumentException("BatchNormalization parameter " + t.shape() + " needs " + c + " values for input " + s);
            }
        }
        int inner = 1;
        for (int i = 2; i < s.rank(); i++) {
            inner *= s.dim(i);
        }
        float[] v = x.floats();
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            int ch = i / inner % c;
            r[i] = (float) ((v[i] - mean.get(ch)) / Math.sqrt(var.get(ch) + eps) * scale.get(ch) + bias.get(ch));
        }
        return Tensor.ofFloats(s, r);
    }
}
