package dev.accelgen.hdl;

import dev.accelgen.hdl.ir.Expr;
import dev.accelgen.hdl.ir.Exprs;
import dev.accelgen.hdl.ir.HwType;
import java.math.BigInteger;
import java.util.List;

/**
 * Unsigned integer. Arithmetic is lossless by default ({@code add} grows one bit, {@code mul} sums widths,
 * {@code sub} returns a signed result); the {@code ...Wrap} variants keep the wider operand's width.
 */
public final class UInt extends Val {
    UInt(Expr expr, ModuleBuilder owner) {
        super(expr, owner);
    }

    public static Type<UInt> type(int width) {
        return new Type<>(hw(width));
    }

    static HwType hw(int width) {
        return new HwType(HwType.Kind.UINT, width);
    }

    public static UInt lit(long value, int width) {
        return lit(BigInteger.valueOf(value), width);
    }

    public static UInt lit(BigInteger value, int width) {
        Vals.checkRange(value, hw(width));
        return new UInt(Exprs.lit(value, hw(width)), null);
    }

    /** Minimal-width literal (at least 1 bit). */
    public static UInt lit(long value) {
        return lit(value, Math.max(1, 64 - Long.numberOfLeadingZeros(value)));
    }

    private UInt arith(Expr.BinOp op, UInt o, int w) {
        return new UInt(new Expr.Binary(op, Vals.zext(this, w), Vals.zext(o, w), hw(w), false), Vals.owner(this, o));
    }

    public UInt add(UInt o) {
        return arith(Expr.BinOp.ADD, o, Math.max(width(), o.width()) + 1);
    }

    public UInt add(long constant) {
        return add(lit(constant));
    }

    public UInt addWrap(UInt o) {
        return arith(Expr.BinOp.ADD, o, Math.max(width(), o.width()));
    }

    public UInt addWrap(long constant) {
        return addWrap(lit(constant, width()));
    }

    /** Lossless difference: a signed result one bit wider than the wider operand. */
    public SInt sub(UInt o) {
        int w = Math.max(width(), o.width()) + 1;
        return new SInt(new Expr.Binary(Expr.BinOp.SUB, Vals.zext(this, w), Vals.zext(o, w), SInt.hw(w), false),
                Vals.owner(this, o));
    }

    public UInt subWrap(UInt o) {
        return arith(Expr.BinOp.SUB, o, Math.max(width(), o.width()));
    }

    public UInt subWrap(long constant) {
        return subWrap(lit(constant, width()));
    }

    public UInt mul(UInt o) {
        return arith(Expr.BinOp.MUL, o, width() + o.width());
    }

    public UInt mulWrap(UInt o) {
        return arith(Expr.BinOp.MUL, o, Math.max(width(), o.width()));
    }

    private UInt logic(Expr.BinOp op, UInt o) {
        Vals.checkSameWidth(this, o, op.name().toLowerCase());
        int w = Math.max(width(), o.width());
        return arith(op, o, w);
    }

    public UInt and(UInt o) {
        return logic(Expr.BinOp.AND, o);
    }

    public UInt or(UInt o) {
        return logic(Expr.BinOp.OR, o);
    }

    public UInt xor(UInt o) {
        return logic(Expr.BinOp.XOR, o);
    }

    public UInt not() {
        return new UInt(new Expr.Unary(Expr.UnOp.NOT, expr, hwType()), owner);
    }

    private Bool cmp(Expr.BinOp op, UInt o) {
        int w = Math.max(width(), o.width());
        return new Bool(new Expr.Binary(op, Vals.zext(this, w), Vals.zext(o, w), Bool.HW, false), Vals.owner(this, o));
    }

    public Bool eq(UInt o) {
        return cmp(Expr.BinOp.EQ, o);
    }

    public Bool eq(long constant) {
        return cmp(Expr.BinOp.EQ, lit(constant));
    }

    public Bool ne(UInt o) {
        return cmp(Expr.BinOp.NE, o);
    }

    public Bool ne(long constant) {
        return cmp(Expr.BinOp.NE, lit(constant));
    }

    public Bool lt(UInt o) {
        return cmp(Expr.BinOp.LT, o);
    }

    public Bool lt(long constant) {
        return cmp(Expr.BinOp.LT, lit(constant));
    }

    public Bool le(UInt o) {
        return cmp(Expr.BinOp.LE, o);
    }

    public Bool gt(UInt o) {
        return cmp(Expr.BinOp.GT, o);
    }

    public Bool ge(UInt o) {
        return cmp(Expr.BinOp.GE, o);
    }

    public Bool ge(long constant) {
        return cmp(Expr.BinOp.GE, lit(constant));
    }

    /** Lossless static left shift: {@code n} more bits. */
    public UInt shl(int n) {
        if (n == 0) {
            return this;
        }
        return new UInt(Exprs.concat(List.of(expr, Exprs.lit(BigInteger.ZERO, hw(n))), hw(width() + n)), owner);
    }

    /** Static right shift dropping the low {@code n} bits: {@code n} fewer bits. */
    public UInt shr(int n) {
        if (n == 0) {
            return this;
        }
        return slice(width() - 1, n);
    }

    public UInt shlDyn(UInt amount) {
        return new UInt(new Expr.Binary(Expr.BinOp.SHL, expr, amount.expr, hwType(), false), Vals.owner(this, amount));
    }

    public UInt shrDyn(UInt amount) {
        return new UInt(new Expr.Binary(Expr.BinOp.SHR, expr, amount.expr, hwType(), false), Vals.owner(this, amount));
    }

    public UInt slice(int hi, int lo) {
        return new UInt(Vals.slice(this, hi, lo, hw(hi - lo + 1)), owner);
    }

    public UInt zext(int w) {
        return new UInt(Vals.zext(this, w), owner);
    }

    public UInt trunc(int w) {
        if (w > width()) {
            throw new IllegalArgumentException("trunc to " + w + " bits of " + this + " at " + SourceLoc.capture());
        }
        return slice(w - 1, 0);
    }

    /** Zero-extends or truncates to {@code w} bits. */
    public UInt resize(int w) {
        return w >= width() ? zext(w) : trunc(w);
    }

    /** Clamps to the largest {@code w}-bit value. */
    public UInt saturate(int w) {
        if (w >= width()) {
            return zext(w);
        }
        Bool overflow = slice(width() - 1, w).orR();
        return overflow.select(lit(Exprs.mask(w), w), trunc(w));
    }

    /** Lossless conversion to signed: one more bit. */
    public SInt toSInt() {
        return new SInt(Exprs.retype(Vals.zext(this, width() + 1), SInt.hw(width() + 1)), owner);
    }

    /** Same bits read as two's complement. */
    public SInt asSInt() {
        return new SInt(Exprs.retype(expr, SInt.hw(width())), owner);
    }
}
