package dev.accelgen.hdl.ir;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Expression constructors that fold constants and slices, so generated Verilog stays small and readable. */
public final class Exprs {
    private Exprs() {
    }

    public static BigInteger mask(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }

    /** A literal from a signed or unsigned value, wrapped to two's complement in {@code type.width()} bits. */
    public static Expr.Lit lit(BigInteger value, HwType type) {
        return new Expr.Lit(value.and(mask(type.width())), type);
    }

    public static Expr slice(Expr e, int hi, int lo, HwType type) {
        if (lo < 0 || hi >= e.width() || hi < lo) {
            throw new IllegalArgumentException("slice [" + hi + ":" + lo + "] out of range for " + e.type());
        }
        if (lo == 0 && hi == e.width() - 1) {
            return e.type().equals(type) ? e : new Expr.Cast(e, type);
        }
        if (e instanceof Expr.Lit l) {
            return new Expr.Lit(l.bits().shiftRight(lo).and(mask(hi - lo + 1)), type);
        }
        if (e instanceof Expr.Slice s) {
            return slice(s.a(), s.lo() + hi, s.lo() + lo, type);
        }
        if (e instanceof Expr.Cast c) {
            return slice(c.a(), hi, lo, type);
        }
        if (e instanceof Expr.Concat c) {
            List<Expr> parts = new ArrayList<>();
            int top = c.width() - 1;
            for (Expr p : c.parts()) {
                int pHi = top;
                int pLo = top - p.width() + 1;
                top = pLo - 1;
                int h = Math.min(hi, pHi);
                int l = Math.max(lo, pLo);
                if (h >= l) {
                    parts.add(slice(p, h - pLo, l - pLo, p.type().withWidth(h - l + 1)));
                }
            }
            return parts.size() == 1 ? retype(parts.get(0), type) : new Expr.Concat(parts, type);
        }
        return new Expr.Slice(e, hi, lo, type);
    }

    public static Expr retype(Expr e, HwType type) {
        return e.type().equals(type) ? e : new Expr.Cast(e, type);
    }

    public static Expr extend(Expr e, int width, boolean signed) {
        if (width == e.width()) {
            return e;
        }
        if (width < e.width()) {
            throw new IllegalArgumentException("cannot extend " + e.type() + " to " + width + " bits");
        }
        HwType t = e.type().withWidth(width);
        if (e instanceof Expr.Lit l) {
            BigInteger v = l.bits();
            if (signed && v.testBit(e.width() - 1)) {
                v = v.or(mask(width).subtract(mask(e.width())));
            }
            return new Expr.Lit(v, t);
        }
        return new Expr.Extend(e, signed, t);
    }

    /** Concatenation, most significant first; adjacent literals are merged. */
    public static Expr concat(List<Expr> parts, HwType type) {
        List<Expr> merged = new ArrayList<>();
        for (Expr p : parts) {
            if (p instanceof Expr.Concat c) {
                merged.addAll(c.parts());
            } else {
                merged.add(p);
            }
        }
        List<Expr> out = new ArrayList<>();
        for (Expr p : merged) {
            if (!out.isEmpty() && p instanceof Expr.Lit l && out.get(out.size() - 1) instanceof Expr.Lit prev) {
                int w = prev.width() + l.width();
                out.set(out.size() - 1, new Expr.Lit(prev.bits().shiftLeft(l.width()).or(l.bits()),
                        new HwType(HwType.Kind.BITS, w)));
            } else {
                out.add(p);
            }
        }
        if (out.size() == 1) {
            return retype(out.get(0), type);
        }
        return new Expr.Concat(out, type);
    }
}
