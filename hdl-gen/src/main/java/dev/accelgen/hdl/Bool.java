package dev.accelgen.hdl;

import dev.accelgen.hdl.ir.Expr;
import dev.accelgen.hdl.ir.Exprs;
import dev.accelgen.hdl.ir.HwType;
import java.math.BigInteger;

/** A single bit. */
public final class Bool extends Val {
    static final HwType HW = new HwType(HwType.Kind.BOOL, 1);
    private static final Type<Bool> TYPE = new Type<>(HW);
    public static final Bool TRUE = new Bool(new Expr.Lit(BigInteger.ONE, HW), null);
    public static final Bool FALSE = new Bool(new Expr.Lit(BigInteger.ZERO, HW), null);

    Bool(Expr expr, ModuleBuilder owner) {
        super(expr, owner);
    }

    public static Type<Bool> type() {
        return TYPE;
    }

    public static Bool lit(boolean value) {
        return value ? TRUE : FALSE;
    }

    public Bool and(Bool o) {
        return new Bool(new Expr.Binary(Expr.BinOp.AND, expr, o.expr, HW, false), Vals.owner(this, o));
    }

    public Bool or(Bool o) {
        return new Bool(new Expr.Binary(Expr.BinOp.OR, expr, o.expr, HW, false), Vals.owner(this, o));
    }

    public Bool xor(Bool o) {
        return new Bool(new Expr.Binary(Expr.BinOp.XOR, expr, o.expr, HW, false), Vals.owner(this, o));
    }

    public Bool not() {
        return new Bool(new Expr.Unary(Expr.UnOp.NOT, expr, HW), owner);
    }

    public Bool eq(Bool o) {
        return new Bool(new Expr.Binary(Expr.BinOp.EQ, expr, o.expr, HW, false), Vals.owner(this, o));
    }

    /** {@code this ? ifTrue : ifFalse}; both alternatives must have the same type. */
    @SuppressWarnings("unchecked")
    public <T extends Val> T select(T ifTrue, T ifFalse) {
        ModuleBuilder o = Vals.owner(this, Vals.wrap(ifTrue.expr, Vals.owner(ifTrue, ifFalse)));
        if (!ifTrue.hwType().equals(ifFalse.hwType())) {
            Vals.checkSameWidth(ifTrue, ifFalse, "select");
        }
        return (T) Vals.wrap(new Expr.Mux(expr, ifTrue.expr, ifFalse.expr, ifTrue.hwType()), o);
    }

    /** 1 when true, as a 1-bit UInt. */
    public UInt asUInt() {
        return new UInt(Exprs.retype(expr, new HwType(HwType.Kind.UINT, 1)), owner);
    }
}
