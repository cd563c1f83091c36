package dev.accelgen.hdl;

import dev.accelgen.hdl.ir.Expr;
import dev.accelgen.hdl.ir.HwType;
import dev.accelgen.hdl.ir.Signal;

/**
 * A hardware value: an expression of known type and width. Values built from signals remember the module
 * builder that owns them, so combining values of two modules is reported as a hierarchy violation.
 */
public abstract sealed class Val permits Bool, UInt, SInt, Bits {
    final Expr expr;
    final ModuleBuilder owner;

    Val(Expr expr, ModuleBuilder owner) {
        this.expr = expr;
        this.owner = owner;
    }

    public Expr expr() {
        return expr;
    }

    public HwType hwType() {
        return expr.type();
    }

    public int width() {
        return expr.width();
    }

    /** The signal this value reads, or null if it is a computed expression. */
    public Signal signal() {
        return expr instanceof Expr.Ref r ? r.signal() : null;
    }

    /**
     * Drives this signal (or slice of a signal) with {@code value}: a continuous assignment for wires and
     * ports, the next value for registers. The last assignment on a path wins; widths must match exactly.
     */
    public void set(Val value) {
        ModuleBuilder b = owner != null ? owner : value.owner;
        if (b == null) {
            throw new IllegalStateException("cannot assign to a constant: " + this);
        }
        b.assign(this, value, SourceLoc.capture());
    }

    /** Shorthand for {@code set} with a literal of this value's kind and width. */
    public void set(long literal) {
        set(Vals.literalLike(this, java.math.BigInteger.valueOf(literal)));
    }

    /** This value's bits as raw Bits. */
    public Bits asBits() {
        return new Bits(new Expr.Cast(expr, new HwType(HwType.Kind.BITS, width())), owner);
    }

    /** Single bit {@code i}. */
    public Bool bit(int i) {
        return new Bool(Vals.slice(this, i, i, new HwType(HwType.Kind.BOOL, 1)), owner);
    }

    public Bool msb() {
        return bit(width() - 1);
    }

    public Bool orR() {
        return new Bool(new Expr.Unary(Expr.UnOp.REDUCE_OR, expr, Bool.HW), owner);
    }

    public Bool andR() {
        return new Bool(new Expr.Unary(Expr.UnOp.REDUCE_AND, expr, Bool.HW), owner);
    }

    public Bool xorR() {
        return new Bool(new Expr.Unary(Expr.UnOp.REDUCE_XOR, expr, Bool.HW), owner);
    }

    @Override
    public String toString() {
        Signal s = signal();
        return (s != null ? s.name() + ": " : "") + hwType();
    }
}
