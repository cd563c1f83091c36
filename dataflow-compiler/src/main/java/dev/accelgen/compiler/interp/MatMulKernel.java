package dev.accelgen.compiler.interp;

import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.ir.TensorBudget;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * MatMul in float32 with double sums: every output is {@code sum_p a[i][p] * b[p][j]} added in order of p in double
 * (the products of two floats are exact in double), then rounded to float once. Up to four rows of a share each row of b,
 * converted to double once per pass, so the inner loop is a vectorizable multiply-add over j; the order of every sum
 * is unchanged, so the blocking does not change a bit. Large products split their row blocks over the common fork-join
 * pool; each output is computed by one task in the same order, so the result does not depend on the threads.
 */
final class MatMulKernel {
    /** Rows of a computed together. */
    private static final int BLOCK = 4;
    /** Products of at least this many multiply-adds run their row blocks in parallel. */
    private static final long PARALLEL_MACS = 1L << 21;

    private MatMulKernel() {
    }

    static Tensor matmul(Tensor a, Tensor b) {
        Shape sa = a.shape();
        Shape sb = b.shape();
        boolean aVec = sa.rank() == 1;
        boolean bVec = sb.rank() == 1;
        Shape ma = aVec ? Shape.of(1, sa.dim(0)) : sa;
        Shape mb = bVec ? Shape.of(sb.dim(0), 1) : sb;
        int m = ma.dim(-2);
        int k = ma.dim(-1);
        int n = mb.dim(-1);
        if (mb.dim(-2) != k) {
            throw new IllegalArgumentException("MatMul operands " + sa + " and " + sb + " disagree on the inner dimension");
        }
        Shape batchA = Shape.of(Arrays.copyOf(ma.dims(), ma.rank() - 2));
        Shape batchB = Shape.of(Arrays.copyOf(mb.dims(), mb.rank() - 2));
        Shape batch = Broadcast.shape(batchA, batchB);
        int[] ba = Broadcast.sourceIndex(batchA, batch);
        int[] bb = Broadcast.sourceIndex(batchB, batch);
        int[] full = Arrays.copyOf(batch.dims(), batch.rank() + 2);
        full[batch.rank()] = m;
        full[batch.rank() + 1] = n;
        float[] r = new float[TensorBudget.elements(Shape.of(full))];
        float[] x = a.floats();
        float[] y = b.floats();
        for (int t = 0; t < ba.length; t++) {
            product(x, ba[t] * m * k, y, bb[t] * k * n, r, t * m * n, m, k, n);
        }
        int[] outDims = new int[batch.rank() + (aVec ? 0 : 1) + (bVec ? 0 : 1)];
        System.arraycopy(batch.dims(), 0, outDims, 0, batch.rank());
        int p = batch.rank();
        if (!aVec) {
            outDims[p++] = m;
        }
        if (!bVec) {
            outDims[p] = n;
        }
        return Tensor.ofFloats(Shape.of(outDims), r);
    }

    /** r[offR..] = x[offA..] (m x k) times y[offB..] (k x n). */
    private static void product(float[] x, int offA, float[] y, int offB, float[] r, int offR, int m, int k, int n) {
        int blocks = (m + BLOCK - 1) / BLOCK;
        IntStream range = IntStream.range(0, blocks);
        (blocks > 1 && (long) m * k * n >= PARALLEL_MACS ? range.parallel() : range)
                .forEach(b -> rowBlock(x, offA, y, offB, r, offR, b * BLOCK, Math.min(BLOCK, m - b * BLOCK), k, n));
    }

    /** Rows i0 .. i0+count-1 of the product. */
    private static void rowBlock(float[] x, int offA, float[] y, int offB, float[] r, int offR, int i0, int count, int k, int n) {
        double[][] rows = new double[BLOCK][n];
        double[] w = new double[n];
        for (int p = 0; p < k; p++) {
            int bo = offB + p * n;
            for (int j = 0; j < n; j++) {
                w[j] = y[bo + j];
            }
            int ao = offA + i0 * k + p;
            if (count == BLOCK) {
                axpy4(x[ao], x[ao + k], x[ao + 2 * k], x[ao + 3 * k], w, rows, n);
            } else {
                for (int i = 0; i < count; i++) {
                    axpy(x[ao + i * k], w, rows[i], n);
                }
            }
        }
        for (int i = 0; i < count; i++) {
            int o = offR + (i0 + i) * n;
            for (int j = 0; j < n; j++) {
                r[o + j] = (float) rows[i][j];
            }
        }
    }

    private static void axpy4(double a0, double a1, double a2, double a3, double[] w, double[][] rows, int n) {
        double[] r0 = rows[0];
        double[] r1 = rows[1];
        double[] r2 = rows[2];
        double[] r3 = rows[3];
        for (int j = 0; j < n; j++) {
            double v = w[j];
            r0[j] += a0 * v;
            r1[j] += a1 * v;
            r2[j] += a2 * v;
            r3[j] += a3 * v;
        }
    }

    private static void axpy(double a, double[] w, double[] row, int n) {
        for (int j = 0; j < n; j++) {
            row[j] += a * w[j];
        }
    }
}
