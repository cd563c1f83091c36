package dev.accelgen.pe.accel.isa;

/**
 * A run-time operand: {@code r[reg] + imm} (32-bit wrap; {@code r0} reads 0). The controller replaces it
 * by its value when it dispatches the instruction, so engines only ever see resolved operands
 * ({@code reg == 0}). The immediate's encoded width is the component's {@link Bits} annotation.
 */
public record Opnd(int reg, long imm) {
    public Opnd {
        if (reg < 0 || reg >= Registers.COUNT) {
            throw new IllegalArgumentException("register must be r0..r" + (Registers.COUNT - 1) + " (got r" + reg + ")");
        }
    }

    public static Opnd imm(long value) {
        return new Opnd(0, value);
    }

    public static Opnd reg(int reg) {
        return new Opnd(reg, 0);
    }

    public boolean resolved() {
        return reg == 0;
    }

    /** The value of a resolved operand. */
    public long value() {
        if (reg != 0) {
            throw new IllegalStateException("operand " + this + " is not resolved");
        }
        return imm;
    }

    @Override
    public String toString() {
        if (reg == 0) {
            return Long.toString(imm);
        }
        return imm == 0 ? "r" + reg : "r" + reg + (imm > 0 ? "+" : "") + imm;
    }
}
