package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.pe.accel.isa.Opcode;

/**
 * One check the controller makes on an instruction of opcode {@code op} when it executes it: {@code violated}
 * true makes the instruction illegal ({@code done_status} bit 2). {@code message} says what the rule demands.
 */
public record Rule(Opcode op, String message, RulePred violated) {
    /** Whether the rule reads resolved operand values (checked after resolution) rather than raw bits only. */
    public boolean readsOperands() {
        return reads(violated);
    }

    private static boolean reads(RulePred p) {
        if (p instanceof RulePred.Cmp c) {
            return c.a() instanceof RuleTerm.Resolved || c.b() instanceof RuleTerm.Resolved;
        } else if (p instanceof RulePred.Bit b) {
            return b.term() instanceof RuleTerm.Resolved;
        } else if (p instanceof RulePred.LowBits l) {
            return l.term() instanceof RuleTerm.Resolved;
        } else if (p instanceof RulePred.And a) {
            return reads(a.a()) || reads(a.b());
        } else if (p instanceof RulePred.Or o) {
            return reads(o.a()) || reads(o.b());
        }
        return false;
    }
}
