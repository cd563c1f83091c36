package dev.accelgen.compiler.interp;

import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;

/** Rotary position embedding, the semantics of {@link Op.Rope} (ONNX RotaryEmbedding). */
public final class RopeKernel {
    private RopeKernel() {
    }

    public static Tensor rope(Op.Rope r, Tensor x, Tensor cos, Tensor sin, Tensor positions) {
        Shape s = x.shape();
        boolean bhsd = s.rank() == 4;
        if (!bhsd && (s.rank() != 3 || r.numHeads() < 1 || s.dim(2) % r.numHeads() != 0)) {
            throw new IllegalArgumentException("RotaryEmbedding input " + s + " must be [B,H,S,D], or [B,S,H*D] with num_heads ("
                    + r.numHeads() + ") dividing the last axis");
        }
        int batch = s.dim(0);
        int heads = bhsd ? s.dim(1) : r.numHeads();
        int seq = bhsd ? s.dim(2) : s.dim(1);
        int d = bhsd ? s.dim(3) : s.dim(2) / heads;
        int rot = r.rotaryDim() == 0 ? d : r.rotaryDim();
        if (rot % 2 != 0 || rot > d) {
            throw new IllegalArgumentException("rotary dimension " + rot + " must be even and at most the head size " + d);
        }
        int half = rot / 2;
        Shape table = positions != null ? Shape.of(cos.shape().dim(0), half) : Shape.of(batch, seq, half);
        if (!cos.shape().equals(table) || !sin.shape().equals(table)) {
            throw new IllegalArgumentException("RotaryEmbedding cos/sin " + cos.shape() + "/" + sin.shape() + " must be " + table);
        }
        float[] in = x.floats();
        float[] out = in.clone();
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < seq; t++) {
                int row = b * seq + t;
                if (positions != null) {
                    long p = positions.longs()[row];
                    if (p < 0 || p >= table.dim(0)) {
                        throw new IllegalArgumentException("position id " + p + " is outside 0.." + (table.dim(0) - 1));
                    }
                    row = (int) p;
                }
                for (int h = 0; h < heads; h++) {
                    int base = bhsd ? ((b * heads + h) * seq + t) * d : ((b * seq + t) * heads + h) * d;
                    for (int i = 0; i < half; i++) {
                        int i1 = base + (r.interleaved() ? 2 * i : i);
                        int i2 = base + (r.interleaved() ? 2 * i + 1 : i + half);
                        double c = cos.floats()[row * half + i];
                        double sn = sin.floats()[row * half + i];
                        out[i1] = (float) (c * in[i1] - sn * in[i2]);
                        out[i2] = (float) (sn * in[i1] + c * in[i2]);
                    }
                }
            }
        }
        return Tensor.ofFloats(s, out);
    }
}
