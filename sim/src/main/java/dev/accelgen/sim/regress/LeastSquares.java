package dev.accelgen.sim.regress;

import java.util.List;

/** Ordinary least squares for a handful of coefficients: solves the normal equations by Gaussian elimination. */
final class LeastSquares {
    private LeastSquares() {
    }

    /** Coefficients b minimising the sum over rows of (y - x . b)^2. */
    static double[] fit(List<double[]> x, double[] y) {
        int k = x.get(0).length;
        double[][] a = new double[k][k + 1];
        for (int r = 0; r < x.size(); r++) {
            double[] row = x.get(r);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    a[i][j] += row[i] * row[j];
                }
                a[i][k] += row[i] * y[r];
            }
        }
        for (int c = 0; c < k; c++) {
            int pivot = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            if (Math.abs(a[c][c]) < 1e-12) {
                a[c][c] = 1e-12; // a regressor that never varies: its coefficient comes out 0
            }
            for (int r = 0; r < k; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int j = c; j <= k; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            b[i] = a[i][k] / a[i][i];
        }
        return b;
    }
}
