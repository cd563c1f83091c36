package dev.accelgen.hdl.ir;

import java.math.BigInteger;
import java.util.List;

/**
 * Expression IR. Every node carries its exact result type; operand widths of arithmetic nodes equal the
 * result width (the DSL inserts explicit {@link Extend} nodes), so emission never relies on Verilog's
 * context-dependent width rules.
 */
public sealed interface Expr {
    HwType type();

    default int width() {
        return type().width();
    }

    /** A read of a signal. */
    record Ref(Signal signal) implements Expr {
        public HwType type() {
            return signal.type();
        }
    }

    /** A constant; {@code bits} is the two's-complement bit pattern, 0 <= bits < 2^width. */
    record Lit(BigInteger bits, HwType type) implements Expr {
        public Lit {
            if (bits.signum() < 0 || bits.bitLength() > type.width()) {
                throw new IllegalArgumentException("literal pattern " + bits + " does not fit " + type);
            }
        }
    }

    enum UnOp { NOT, REDUCE_AND, REDUCE_OR, REDUCE_XOR }

    record Unary(UnOp op, Expr a, HwType type) implements Expr { }

    enum BinOp {
        ADD, SUB, MUL, AND, OR, XOR, EQ, NE, LT, LE, GT, GE, SHL, SHR, ASHR;

        public boolean isCompare() {
            return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
        }

        public boolean isShift() {
            return this == SHL || this == SHR || this == ASHR;
        }
    }

    /**
     * Binary operator. For ADD/SUB/MUL/AND/OR/XOR both operands have the result width; for comparisons both
     * operands have equal width and {@code signedCompare} selects signed ordering; on MUL it marks a signed
     * multiply (same low bits, but tools see through the sign extension); for shifts {@code b} is the
     * unsigned shift amount.
     */
    record Binary(BinOp op, Expr a, Expr b, HwType type, boolean signedCompare) implements Expr { }

    record Mux(Expr sel, Expr whenTrue, Expr whenFalse, HwType type) implements Expr { }

    record Slice(Expr a, int hi, int lo, HwType type) implements Expr { }

    /** Concatenation, most significant part first. */
    record Concat(List<Expr> parts, HwType type) implements Expr {
        public Concat {
            parts = List.copyOf(parts);
        }
    }

    /** Zero or sign extension of {@code a} to {@code type.width()} bits. */
    record Extend(Expr a, boolean signExtend, HwType type) implements Expr { }

    /** Same bits, another kind (UInt/SInt/Bits/Bool). */
    record Cast(Expr a, HwType type) implements Expr { }

    /** Combinational (asynchronous) read of a memory: distributed RAM or ROM. */
    record MemRead(MemoryDef memory, Expr address, HwType type) implements Expr { }
}
