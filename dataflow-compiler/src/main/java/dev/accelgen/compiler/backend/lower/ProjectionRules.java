package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.compiler.quant.Scheme;

/** Weight products: a MatMul by a constant matrix (with the bias vector an Add contributes) becomes a pending {@link LinearSpec}. */
final class ProjectionRules {
    private final GraphLowerer l;

    ProjectionRules(GraphLowerer l) {
        this.l = l;
    }

    /** The constant [K, N] matrix a MatMul multiplies by (a weight, a Constant, or a transposed weight), or null. */
    Tensor weightMatrix(Node mm) {
        Tensor w = l.view.constant(mm.input(1));
        if (w == null) {
            Node t = l.view.prod(mm.input(1));
            if (t != null && t.op() instanceof Op.Transpose tr && tr.perm().length == 2 && tr.perm()[0] == 1) {
                Tensor src = l.view.constant(t.input(0));
                w = src == null ? null : dev.accelgen.compiler.interp.ShapeKernels.transpose(src, tr.perm());
            }
        }
        return w != null && w.shape().rank() == 2 && w.isFloating() ? w : null;
    }

    Scheme scheme(Node mm) {
        Scheme s = l.schemes.get(mm);
        if (s == null) {
            s = l.plan.overrides().getOrDefault(mm.name(), l.plan.defaultScheme());
        }
        if (s instanceof Scheme.Float) {
            throw l.unsupported(mm, "scheme float runs on no matrix unit; give this layer ternary, w{2,3,4,8}a{8,16}, int8 or int8-N:M");
        }
        return s;
    }

    /** MatMul by a constant matrix, optionally with the bias vector its consumer Add adds. */
    Form linear(Node mm, Node biasAdd) {
        Tensor w = weightMatrix(mm);
        if (w == null) {
            throw l.unsupported(mm, "it multiplies two activations outside attention");
        }
        Val in = l.rows(mm, mm.input(0));
        if (in.cols() != w.shape().dim(0)) {
            throw l.unsupported(mm, "its input has " + in.cols() + " features for a " + w.shape() + " weight");
        }
        float[] bias = null;
        String value = mm.output();
        if (biasAdd != null) {
            bias = biasVector(biasAdd, mm.output(), w.shape().dim(1));
            value = biasAdd.output();
        }
        Val out = l.b.fx(value, w.shape().dim(1));
        l.b.add(new LinearSpec(mm.name(), value, in, out, scheme(mm), w, l.ranges.getOrDefault(mm.name(), 0.0), bias, ones(w.shape().dim(1))));
        return new Form.Rows(out);
    }

    /** The other operand of an Add when it is a constant vector of n entries (one row), else null. */
    float[] biasVector(Node add, String matmulOut, int n) {
        String other = add.input(0).equals(matmulOut) ? add.input(1) : add.input(0);
        Tensor t = l.view.constant(other);
        return t != null && t.isFloating() && t.size() == n && t.shape().dim(-1) == n ? t.floats() : null;
    }

    /** The weight product an Add adds a bias vector to, when nothing else reads the product; else null. */
    Node biasedMatMul(Node add) {
        for (int side = 0; side < 2; side++) {
            Node mm = l.view.prod(add.input(side));
            if (mm != null && mm.op() instanceof Op.MatMul && l.view.singleUse(mm.output()) && weightMatrix(mm) != null
                    && biasVector(add, mm.output(), weightMatrix(mm).shape().dim(1)) != null) {
                return mm;
            }
        }
        return null;
    }

    static double[] ones(int n) {
        double[] f = new double[n];
        java.util.Arrays.fill(f, 1);
        return f;
    }

}
