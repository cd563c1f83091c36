package dev.accelgen.pe.accel.ctrl;

/** A value a dispatch rule reads: a raw field, a resolved operand, a constant or the program's length. */
public sealed interface RuleTerm {
    /** The raw bits of a field (for an operand field: its register and immediate together). */
    record Field(String name) implements RuleTerm {
    }

    /** An operand's resolved value (32 bits, unsigned). */
    record Resolved(String name) implements RuleTerm {
    }

    record Const(long value) implements RuleTerm {
    }

    /** The instruction count N of the running program. */
    record ProgramLength() implements RuleTerm {
    }
}
