package dev.accelgen.pe.accel.isa;

/** Instructions the controller executes itself: register arithmetic, branches, halt. */
public sealed interface ControlInstr extends Instr permits ControlInstr.Nop, ControlInstr.Li, ControlInstr.Alu,
        ControlInstr.Branch, ControlInstr.Halt {

    /** Does nothing. */
    record Nop() implements ControlInstr {
    }

    /** {@code r[rd] = imm}. */
    record Li(@Bits(4) int rd, @Bits(value = 32, signed = true) long imm) implements ControlInstr {
        public Li {
            Checks.register("rd", rd);
        }
    }

    /** {@code r[rd] = op(r[ra], r[b.reg] + b.imm)}, 32-bit wrap. */
    record Alu(AluOp op, @Bits(4) int rd, @Bits(4) int ra, @Bits(value = 32, signed = true) Opnd b)
            implements ControlInstr {
        public Alu {
            Checks.register("rd", rd);
            Checks.register("ra", ra);
        }
    }

    /** If {@code cond(r[ra], r[rb])} (signed) the next instruction is {@code target}, else the following one. */
    record Branch(Cond cond, @Bits(4) int ra, @Bits(4) int rb, @Bits(16) int target) implements ControlInstr {
        public Branch {
            Checks.register("ra", ra);
            Checks.register("rb", rb);
        }
    }

    /** Ends the run once every queue has drained and every write is acknowledged. */
    record Halt() implements ControlInstr {
    }

    enum AluOp { ADD, SUB, MUL, MIN, MAX, SHL, SHRA, AND }

    enum Cond { LT, GE, EQ, NE }
}
