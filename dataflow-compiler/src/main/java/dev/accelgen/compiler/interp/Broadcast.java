package dev.accelgen.compiler.interp;

import dev.accelgen.compiler.ir.Shape;
import dev.accelgen.compiler.ir.TensorBudget;

/** Numpy-style multidirectional broadcasting. */
public final class Broadcast {
    private Broadcast() {
    }

    /** The broadcast shape of a and b, or an IllegalArgumentException naming both shapes. */
    public static Shape shape(Shape a, Shape b) {
        int r = Math.max(a.rank(), b.rank());
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i - (r - a.rank()) >= 0 ? a.dim(i - (r - a.rank())) : 1;
            int db = i - (r - b.rank()) >= 0 ? b.dim(i - (r - b.rank())) : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes " + a + " and " + b + " do not broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return Shape.of(out);
    }

    /** Row-major strides of a shape. */
    public static int[] strides(Shape s) {
        int[] st = new int[s.rank()];
        int acc = 1;
        for (int i = s.rank() - 1; i >= 0; i--) {
            st[i] = acc;
            acc *= s.dim(i);
        }
        return st;
    }

    /**
     * For each element of {@code out}, the index of the element of {@code in} it reads when {@code in} is
     * broadcast to {@code out}.
     */
    public static int[] sourceIndex(Shape in, Shape out) {
        int n = TensorBudget.elements(out);
        int[] idx = new int[n];
        int r = out.rank();
        int off = r - in.rank();
        int[] inStrides = strides(in);
        int[] bstr = new int[r];
        for (int i = 0; i < r; i++) {
            bstr[i] = i >= off && in.dim(i - off) != 1 ? inStrides[i - off] : 0;
        }
        int[] counter = new int[r];
        int src = 0;
        for (int k = 0; k < n; k++) {
            idx[k] = src;
            for (int d = r - 1; d >= 0; d--) {
                counter[d]++;
                src += bstr[d];
                if (counter[d] < out.dim(d)) {
                    break;
                }
                src -= bstr[d] * counter[d];
                counter[d] = 0;
            }
        }
        return idx;
    }
}
