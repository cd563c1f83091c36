package dev.accelgen.compiler.backend.lower;

import dev.accelgen.compiler.backend.lir.LirOp;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.ir.Node;
import dev.accelgen.compiler.ir.Op;
import dev.accelgen.compiler.ir.Tensor;
import dev.accelgen.pe.accel.isa.VecInstr.ActFn;
import dev.accelgen.pe.accel.isa.VecInstr.BinOp;
import dev.accelgen.pe.vector.arith.EltwiseArith;

/** Element-wise ops, activations, norms and softmax on rows; the rotate-half RoPE and the bias Add are recognised at their Add. */
final class VectorRules {
    private final GraphLowerer l;

    VectorRules(GraphLowerer l) {
        this.l = l;
    }

    Form binary(Node n) {
        Op.BinaryKind k = ((Op.Binary) n.op()).op();
        if (k == Op.BinaryKind.ADD) {
            RopeMatch.Parts r = l.rope.match(n);
            if (r != null) {
                RopeTables.Recovered t = RopeTables.of(n.name(), r.cos(), r.sin());
                return l.sequences.rotary(n, l.lower(r.x()), t);
            }
            Node mm = l.projections.biasedMatMul(n);
            if (mm != null) {
                return l.projections.linear(mm, n);
            }
        }
        Tensor ca = l.view.constant(n.input(0));
        Tensor cb = l.view.constant(n.input(1));
        if (ca == null && cb == null) {
            BinOp op = switch (k) {
                case ADD -> BinOp.ADD;
                case SUB -> BinOp.SUB;
                case MUL -> BinOp.MUL;
                default -> throw l.unsupported(n, "the vector unit adds, subtracts and multiplies activations, nothing else");
            };
            Val a = l.rows(n, n.input(0));
            Val c = l.rows(n, n.input(1));
            if (a.cols() != c.cols()) {
                throw l.unsupported(n, "its operands have " + a.cols() + " and " + c.cols() + " features");
            }
            Val out = l.b.fx(n.output(), a.cols());
            l.b.add(new LirOp.Binary(op, a, c, out));
            return new Form.Rows(out);
        }
        if (ca != null && cb != null) {
            throw l.unsupported(n, "both operands are constant (constant folding should have removed it)");
        }
        boolean constFirst = ca != null;
        Tensor c = constFirst ? ca : cb;
        Val x = l.rows(n, n.input(constFirst ? 1 : 0));
        return ConstOperand.apply(l, n, k, x, c, constFirst, l.tokens);
    }

    Form unary(Node n, Op.Unary u) {
        return switch (u.op()) {
            case IDENTITY -> l.lower(n.input(0));
            case NEG -> {
                Val x = l.rows(n, n.input(0));
                Val out = l.b.fx(n.output(), x.cols());
                l.b.add(new LirOp.Affine(x, out, -EltwiseArith.ONE, 0));
                yield new Form.Rows(out);
            }
            case RELU -> activation(n, ActFn.RELU, l.rows(n, n.input(0)));
            case SIGMOID -> activation(n, ActFn.SIGMOID, l.rows(n, n.input(0)));
            case TANH -> activation(n, ActFn.TANH, l.rows(n, n.input(0)));
            case EXP -> activation(n, ActFn.EXP, l.rows(n, n.input(0)));
            case SILU -> activation(n, ActFn.SILU, l.rows(n, n.input(0)));
            default -> throw l.unsupported(n, "the vector unit's functions are GELU, SiLU, sigmoid, tanh, exp and ReLU");
        };
    }

    Form activation(Node n, ActFn fn, Val x) {
        Val out = l.b.fx(n.output(), x.cols());
        l.b.add(new LirOp.Activation(fn, x, out));
        return new Form.Rows(out);
    }

    Form swiGlu(Node n) {
        Val gate = l.rows(n, n.input(0));
        Val up = l.rows(n, n.input(1));
        Val silu = l.b.fx(n.output() + ".silu", gate.cols());
        l.b.add(new LirOp.Activation(ActFn.SILU, gate, silu));
        Val out = l.b.fx(n.output(), gate.cols());
        l.b.add(new LirOp.Binary(BinOp.MUL, silu, up, out));
        return new Form.Rows(out);
    }

    Form norm(Node n, LirOp.NormKind kind, float eps, int axis) {
        Val x = l.rows(n, n.input(0));
        int rank = l.g.type(n.input(0)).shape().rank();
        if (axis != -1 && axis != rank - 1) {
            throw l.unsupported(n, "it normalizes over more than the last axis");
        }
        long units = Math.round(eps * Math.pow(2, 32));
        if (!(eps >= 0) || units > 0xFFFF_FFFFL) {
            throw l.unsupported(n, "eps " + eps + " is not in [0, 1) (the norm engines take eps in units of 2^-32 below 1)");
        }
        int[] gain = n.hasInput(1) ? vector(n, n.input(1), x.cols()) : null;
        int[] bias = kind == LirOp.NormKind.LAYER && n.hasInput(2) ? vector(n, n.input(2), x.cols()) : null;
        Val out = l.b.fx(n.output(), x.cols());
        l.b.add(new LirOp.Norm(kind, x, out, gain, bias, units));
        return new Form.Rows(out);
    }

    /** A constant vector of n entries as Fx. */
    int[] vector(Node n, String value, int cols) {
        Tensor t = l.view.constant(value);
        if (t == null || t.size() != cols) {
            throw l.unsupported(n, "operand " + value + " is not a constant vector of " + cols + " entries");
        }
        int[] fx = new int[cols];
        for (int i = 0; i < cols; i++) {
            fx[i] = EltwiseArith.toFx(t.get(i));
        }
        return fx;
    }

    Form softmax(Node n) {
        int axis = ((Op.Softmax) n.op()).axis();
        int rank = l.g.type(n.input(0)).shape().rank();
        if (axis != -1 && axis != rank - 1) {
            throw l.unsupported(n, "softmax runs over the last axis only");
        }
        Val x = l.rows(n, n.input(0));
        Val out = l.b.fx(n.output(), x.cols());
        l.b.add(new LirOp.Softmax(x, out));
        return new Form.Rows(out);
    }

}
