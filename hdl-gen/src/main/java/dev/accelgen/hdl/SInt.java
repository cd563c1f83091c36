package dev.accelgen.hdl;

import dev.accelgen.hdl.ir.Expr;
import dev.accelgen.hdl.ir.Exprs;
import dev.accelgen.hdl.ir.HwType;
import java.math.BigInteger;
import java.util.List;

/** Two's-complement signed integer; lossless arithmetic by default, {@code ...Wrap} variants keep width. */
public final class SInt extends Val {
    SInt(Expr expr, ModuleBuilder owner) {
        super(expr, owner);
    }

    public static Type<SInt> type(int width) {
        return new Type<>(hw(width));
    }

    static HwType hw(int width) {
        return new HwType(HwType.Kind.SINT, width);
    }

    public static SInt lit(long value, int width) {
        return lit(BigInteger.valueOf(value), width);
    }

    public static SInt lit(BigInteger value, int width) {
        Vals.checkRange(value, hw(width));
        return new SInt(Exprs.lit(value, hw(width)), null);
    }

    public static BigInteger min(int width) {
        return BigInteger.ONE.shiftLeft(width - 1).negate();
    }

    public static BigInteger max(int width) {
        return BigInteger.ONE.shiftLeft(width - 1).subtract(BigInteger.ONE);
    }

    private SInt arith(Expr.BinOp op, SInt o, int w) {
        // A signed multiply is marked so the emitter writes $signed(): Yosys then sees the operands' true
        // widths through the sign extension and maps one product onto one DSP48E2.
        return new SInt(new Expr.Binary(op, Vals.sext(this, w), Vals.sext(o, w), hw(w), op == Expr.BinOp.MUL),
                Vals.owner(this, o));
    }

    public SInt add(SInt o) {
        return arith(Expr.BinOp.ADD, o, Math.max(width(), o.width()) + 1);
    }

    public SInt addWrap(SInt o) {
        return arith(Expr.BinOp.ADD, o, Math.max(width(), o.width()));
    }

    public SInt sub(SInt o) {
        return arith(Expr.BinOp.SUB, o, Math.max(width(), o.width()) + 1);
    }

    public SInt subWrap(SInt o) {
        return arith(Expr.BinOp.SUB, o, Math.max(width(), o.width()));
    }

    public SInt mul(SInt o) {
        return arith(Expr.BinOp.MUL, o, width() + o.width());
    }

    public SInt mulWrap(SInt o) {
        return arith(Expr.BinOp.MUL, o, Math.max(width(), o.width()));
    }

    /** Lossless negation: one more bit (so that -min fits). */
    public SInt neg() {
        return lit(0, 1).sub(this);
    }

    public SInt not() {
        return new SInt(new Expr.Unary(Expr.UnOp.NOT, expr, hwType()), owner);
    }

    private Bool cmp(Expr.BinOp op, SInt o) {
        int w = Math.max(width(), o.width());
        return new Bool(new Expr.Binary(op, Vals.sext(this, w), Vals.sext(o, w), Bool.HW, true), Vals.owner(this, o));
    }

    public Bool eq(SInt o) {
        return cmp(Expr.BinOp.EQ, o);
    }

    public Bool ne(SInt o) {
        return cmp(Expr.BinOp.NE, o);
    }

    public Bool lt(SInt o) {
        return cmp(Expr.BinOp.LT, o);
    }

    public Bool le(SInt o) {
        return cmp(Expr.BinOp.LE, o);
    }

    public Bool gt(SInt o) {
        return cmp(Expr.BinOp.GT, o);
    }

    public Bool ge(SInt o) {
        return cmp(Expr.BinOp.GE, o);
    }

    public Bool isNegative() {
        return msb();
    }

    /** Lossless static left shift. */
    public SInt shl(int n) {
        if (n == 0) {
            return this;
        }
        return new SInt(Exprs.concat(List.of(expr, Exprs.lit(BigInteger.ZERO, UInt.hw(n))), hw(width() + n)), owner);
    }

    /** Arithmetic right shift dropping the low {@code n} bits (rounds toward minus infinity). */
    public SInt shr(int n) {
        if (n == 0) {
            return this;
        }
        return new SInt(Vals.slice(this, width() - 1, n, hw(width() - n)), owner);
    }

    /** Arithmetic dynamic right shift, same width. */
    public SInt shrDyn(UInt amount) {
        return new SInt(new Expr.Binary(Expr.BinOp.ASHR, expr, amount.expr, hwType(), false), Vals.owner(this, amount));
    }

    public SInt shlDyn(UInt amount) {
        return new SInt(new Expr.Binary(Expr.BinOp.SHL, expr, amount.expr, hwType(), false), Vals.owner(this, amount));
    }

    public Bits slice(int hi, int lo) {
        return new Bits(Vals.slice(this, hi, lo, Bits.hw(hi - lo + 1)), owner);
    }

    public SInt sext(int w) {
        return new SInt(Vals.sext(this, w), owner);
    }

    public SInt trunc(int w) {
        if (w > width()) {
            throw new IllegalArgumentException("trunc to " + w + " bits of " + this + " at " + SourceLoc.capture());
        }
        return new SInt(Vals.slice(this, w - 1, 0, hw(w)), owner);
    }

    /** Sign-extends or truncates to {@code w} bits. */
    public SInt resize(int w) {
        return w >= width() ? sext(w) : trunc(w);
    }

    /** Clamps to the {@code w}-bit signed range. */
    public SInt saturate(int w) {
        if (w >= width()) {
            return sext(w);
        }
        Bool tooBig = gt(lit(max(w), w));
        Bool tooSmall = lt(lit(min(w), w));
        return tooBig.select(lit(max(w), w), tooSmall.select(lit(min(w), w), trunc(w)));
    }

    /** Same bits read as unsigned. */
    public UInt asUInt() {
        return new UInt(Exprs.retype(expr, UInt.hw(width())), owner);
    }
}
