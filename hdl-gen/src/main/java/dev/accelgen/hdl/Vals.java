package dev.accelgen.hdl;

import dev.accelgen.hdl.ir.Expr;
import dev.accelgen.hdl.ir.Exprs;
import dev.accelgen.hdl.ir.HwType;
import java.math.BigInteger;

/** Shared helpers of the value classes: ownership, width checks, extension and literal creation. */
final class Vals {
    private Vals() {
    }

    static ModuleBuilder owner(Val a, Val b) {
        if (a.owner != null && b.owner != null && a.owner != b.owner) {
            a.owner.report(DiagnosticKind.HIERARCHY_VIOLATION, "value " + b + " belongs to module "
                    + b.owner.moduleName() + " and cannot be used in module " + a.owner.moduleName(), SourceLoc.capture());
        }
        return a.owner != null ? a.owner : b.owner;
    }

    /** Reports a width mismatch between two operands of an operator that needs equal widths. */
    static boolean checkSameWidth(Val a, Val b, String op) {
        if (a.width() == b.width()) {
            return true;
        }
        String msg = "operands of " + op + " differ in width: " + a + " vs " + b;
        ModuleBuilder o = a.owner != null ? a.owner : b.owner;
        if (o == null) {
            throw new IllegalArgumentException(msg);
        }
        o.report(DiagnosticKind.WIDTH_MISMATCH, msg, SourceLoc.capture());
        return false;
    }

    static Expr zext(Val v, int w) {
        return Exprs.extend(v.expr, w, false);
    }

    static Expr sext(Val v, int w) {
        return Exprs.extend(v.expr, w, true);
    }

    static Expr slice(Val v, int hi, int lo, HwType t) {
        if (lo < 0 || hi >= v.width() || hi < lo) {
            throw new IllegalArgumentException("slice [" + hi + ":" + lo + "] out of range for " + v
                    + " at " + SourceLoc.capture());
        }
        return Exprs.slice(v.expr, hi, lo, t);
    }

    static Val wrap(Expr e, ModuleBuilder owner) {
        return switch (e.type().kind()) {
            case BOOL -> new Bool(e, owner);
            case UINT -> new UInt(e, owner);
            case SINT -> new SInt(e, owner);
            case BITS -> new Bits(e, owner);
        };
    }

    /** A literal of {@code like}'s kind and width; the value must be representable. */
    static Val literalLike(Val like, BigInteger value) {
        HwType t = like.hwType();
        checkRange(value, t);
        return wrap(Exprs.lit(value, t), null);
    }

    static void checkRange(BigInteger value, HwType t) {
        int w = t.width();
        boolean ok = switch (t.kind()) {
            case SINT -> value.bitLength() < w || (value.signum() >= 0 && value.bitLength() < w);
            case BOOL, UINT -> value.signum() >= 0 && value.bitLength() <= w;
            case BITS -> value.bitLength() <= w || (value.signum() < 0 && value.bitLength() < w);
        };
        if (!ok) {
            throw new IllegalArgumentException("literal " + value + " does not fit " + t + " at " + SourceLoc.capture());
        }
    }
}
