package dev.accelgen.pe.vector.arith;

/** erf by composite Simpson integration of 2/sqrt(pi) * exp(-t^2) with h <= 0.01 (independent of the table builder's series). */
final class RefErf {
    private RefErf() {
    }

    /** Beyond 6, 1 - erf is below 3e-17: integrate up to 6 at most. */
    static double erf(double x) {
        double a = Math.min(Math.abs(x), 6);
        int n = 600;
        double h = a / n;
        double s = 1 + Math.exp(-a * a);
        for (int i = 1; i < n; i++) {
            double t = i * h;
            s += (i % 2 == 1 ? 4 : 2) * Math.exp(-t * t);
        }
        double r = 2 / Math.sqrt(Math.PI) * s * h / 3;
        return x < 0 ? -r : r;
    }
}
