package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.pe.accel.isa.ControlInstr;

/** The controller's register arithmetic and branch conditions (32-bit wrap, signed comparisons). */
public final class ControlAlu {
    private ControlAlu() {
    }

    public static int alu(ControlInstr.AluOp op, int a, int b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
            case SHL -> a << (b & 31);
            case SHRA -> a >> (b & 31);
            case AND -> a & b;
        };
    }

    public static boolean taken(ControlInstr.Cond cond, int a, int b) {
        return switch (cond) {
            case LT -> a < b;
            case GE -> a >= b;
            case EQ -> a == b;
            case NE -> a != b;
        };
    }
}
