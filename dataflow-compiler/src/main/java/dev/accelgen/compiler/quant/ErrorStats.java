package dev.accelgen.compiler.quant;

import dev.accelgen.compiler.ir.Tensor;

/**
 * Agreement of a tensor with a reference: max absolute error, the max relative error normalised by the
 * reference's largest magnitude ({@code max|a-b| / max|b|}, so near-zero elements do not dominate), and cosine
 * similarity.
 */
public record ErrorStats(double maxAbs, double maxRel, double cosine) {
    public static ErrorStats of(Tensor got, Tensor ref) {
        if (!got.shape().equals(ref.shape())) {
            throw new IllegalArgumentException("cannot compare " + got.shape() + " with " + ref.shape());
        }
        double maxAbs = 0;
        double refMax = 0;
        double dot = 0;
        double ng = 0;
        double nr = 0;
        for (int i = 0; i < ref.size(); i++) {
            double a = got.get(i);
            double b = ref.get(i);
            maxAbs = Math.max(maxAbs, Math.abs(a - b));
            refMax = Math.max(refMax, Math.abs(b));
            dot += a * b;
            ng += a * a;
            nr += b * b;
        }
        double cos = ng == 0 && nr == 0 ? 1 : dot / Math.sqrt(ng * nr);
        return new ErrorStats(maxAbs, refMax == 0 ? maxAbs : maxAbs / refMax, cos);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "max_abs=%.3e max_rel=%.3e cosine=%.6f", maxAbs, maxRel, cosine);
    }
}
