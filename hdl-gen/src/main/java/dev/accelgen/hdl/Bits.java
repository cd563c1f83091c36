package dev.accelgen.hdl;

import dev.accelgen.hdl.ir.Expr;
import dev.accelgen.hdl.ir.Exprs;
import dev.accelgen.hdl.ir.HwType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Raw bits without numeric meaning: logic, slicing, concatenation, replication. */
public final class Bits extends Val {
    Bits(Expr expr, ModuleBuilder owner) {
        super(expr, owner);
    }

    public static Type<Bits> type(int width) {
        return new Type<>(hw(width));
    }

    static HwType hw(int width) {
        return new HwType(HwType.Kind.BITS, width);
    }

    public static Bits lit(BigInteger value, int width) {
        Vals.checkRange(value, hw(width));
        return new Bits(Exprs.lit(value, hw(width)), null);
    }

    public static Bits lit(long value, int width) {
        return lit(BigInteger.valueOf(value), width);
    }

    /** Concatenation, most significant first. */
    public static Bits cat(Val... parts) {
        ModuleBuilder o = null;
        List<Expr> es = new ArrayList<>();
        int w = 0;
        for (Val p : parts) {
            o = o == null ? p.owner : (p.owner == null ? o : Vals.owner(Vals.wrap(p.expr, o), p));
            es.add(p.expr);
            w += p.width();
        }
        return new Bits(Exprs.concat(es, hw(w)), o);
    }

    /** {@code n} copies of {@code v}. */
    public static Bits replicate(Val v, int n) {
        Val[] parts = new Val[n];
        java.util.Arrays.fill(parts, v);
        return cat(parts);
    }

    private Bits logic(Expr.BinOp op, Bits o) {
        Vals.checkSameWidth(this, o, op.name().toLowerCase());
        int w = Math.max(width(), o.width());
        return new Bits(new Expr.Binary(op, Vals.zext(this, w), Vals.zext(o, w), hw(w), false), Vals.owner(this, o));
    }

    public Bits and(Bits o) {
        return logic(Expr.BinOp.AND, o);
    }

    public Bits or(Bits o) {
        return logic(Expr.BinOp.OR, o);
    }

    public Bits xor(Bits o) {
        return logic(Expr.BinOp.XOR, o);
    }

    public Bits not() {
        return new Bits(new Expr.Unary(Expr.UnOp.NOT, expr, hwType()), owner);
    }

    public Bool eq(Bits o) {
        Vals.checkSameWidth(this, o, "eq");
        return new Bool(new Expr.Binary(Expr.BinOp.EQ, expr, o.expr, Bool.HW, false), Vals.owner(this, o));
    }

    public Bool ne(Bits o) {
        Vals.checkSameWidth(this, o, "ne");
        return new Bool(new Expr.Binary(Expr.BinOp.NE, expr, o.expr, Bool.HW, false), Vals.owner(this, o));
    }

    public Bits slice(int hi, int lo) {
        return new Bits(Vals.slice(this, hi, lo, hw(hi - lo + 1)), owner);
    }

    public Bits shlDyn(UInt amount) {
        return new Bits(new Expr.Binary(Expr.BinOp.SHL, expr, amount.expr, hwType(), false), Vals.owner(this, amount));
    }

    public Bits shrDyn(UInt amount) {
        return new Bits(new Expr.Binary(Expr.BinOp.SHR, expr, amount.expr, hwType(), false), Vals.owner(this, amount));
    }

    public Bits zext(int w) {
        return new Bits(Vals.zext(this, w), owner);
    }

    public Bits resize(int w) {
        return w >= width() ? zext(w) : slice(w - 1, 0);
    }

    public UInt asUInt() {
        return new UInt(Exprs.retype(expr, UInt.hw(width())), owner);
    }

    public SInt asSInt() {
        return new SInt(Exprs.retype(expr, SInt.hw(width())), owner);
    }
}
