package dev.accelgen.pe.accel.ctrl;

/** A condition over {@link RuleTerm}s; in a {@link Rule} it is true when the instruction breaks the rule. */
public sealed interface RulePred {
    enum Op { EQ, NE, LT, GE, GT }

    /** Unsigned comparison. */
    record Cmp(Op op, RuleTerm a, RuleTerm b) implements RulePred {
    }

    /** Bit {@code bit} of the term is set. */
    record Bit(RuleTerm term, int bit) implements RulePred {
    }

    /** Some of the low {@code bits} bits of the term are set (not a multiple of 2^bits). */
    record LowBits(RuleTerm term, int bits) implements RulePred {
    }

    /** Some bit of the word at or above {@code lsb} is set. */
    record AnyBitAbove(int lsb) implements RulePred {
    }

    record And(RulePred a, RulePred b) implements RulePred {
    }

    record Or(RulePred a, RulePred b) implements RulePred {
    }
}
