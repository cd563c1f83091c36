package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.FieldLayout;
import dev.accelgen.pe.accel.isa.Opcode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluates {@link InstrRules} on raw words the way the generated RTL decoder does (the cycle model's decoder). */
public final class RuleCheck {
    private final Set<Opcode> supported = EnumSet.noneOf(Opcode.class);
    private final Map<Opcode, List<Rule>> raw = new EnumMap<>(Opcode.class);
    private final Map<Opcode, List<Rule>> operand = new EnumMap<>(Opcode.class);

    public RuleCheck(HwConfig c) {
        supported.addAll(InstrRules.supported(c));
        for (Opcode o : supported) {
            raw.put(o, new ArrayList<>());
            operand.put(o, new ArrayList<>());
        }
        for (Rule r : InstrRules.of(c)) {
            (r.readsOperands() ? operand : raw).get(r.op()).add(r);
        }
    }

    /** Null when the word passes every check on its raw bits, else why it is illegal. */
    public String rawViolation(InstrWord w, int programLength) {
        Opcode o = w.opcode();
        if (o == null) {
            return "unknown opcode 0x" + Integer.toHexString(w.opcodeBits());
        }
        if (!supported.contains(o)) {
            return o + " is not implemented by this configuration";
        }
        return first(raw.get(o), w, null, programLength);
    }

    /** Null when the word's resolved operands (registers {@code regs}) pass every check, else why not. */
    public String operandViolation(InstrWord w, int[] regs) {
        return first(operand.get(w.opcode()), w, regs, 0);
    }

    private static String first(List<Rule> rules, InstrWord w, int[] regs, int programLength) {
        for (Rule r : rules) {
            if (eval(r.violated(), r.op(), w, regs, programLength)) {
                return r.op() + ": " + r.message();
            }
        }
        return null;
    }

    private static boolean eval(RulePred p, Opcode o, InstrWord w, int[] regs, int n) {
        if (p instanceof RulePred.Cmp c) {
            long a = term(c.a(), o, w, regs, n);
            long b = term(c.b(), o, w, regs, n);
            int cmp = Long.compareUnsigned(a, b);
            return switch (c.op()) {
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
                case LT -> cmp < 0;
                case GE -> cmp >= 0;
                case GT -> cmp > 0;
            };
        } else if (p instanceof RulePred.Bit b) {
            return (term(b.term(), o, w, regs, n) >>> b.bit() & 1) != 0;
        } else if (p instanceof RulePred.LowBits l) {
            return (term(l.term(), o, w, regs, n) & ((1L << l.bits()) - 1)) != 0;
        } else if (p instanceof RulePred.AnyBitAbove a) {
            return w.anyAbove(a.lsb());
        } else if (p instanceof RulePred.And a) {
            return eval(a.a(), o, w, regs, n) && eval(a.b(), o, w, regs, n);
        } else if (p instanceof RulePred.Or x) {
            return eval(x.a(), o, w, regs, n) || eval(x.b(), o, w, regs, n);
        }
        throw new IllegalStateException("unknown predicate " + p);
    }

    private static long term(RuleTerm t, Opcode o, InstrWord w, int[] regs, int n) {
        if (t instanceof RuleTerm.Field f) {
            return w.field(InstrFields.of(o, f.name()));
        } else if (t instanceof RuleTerm.Resolved r) {
            FieldLayout f = InstrFields.of(o, r.name());
            return (regs[w.operandReg(f)] + w.operandImm(f)) & 0xFFFF_FFFFL;
        } else if (t instanceof RuleTerm.Const c) {
            return c.value();
        } else if (t instanceof RuleTerm.ProgramLength) {
            return n;
        }
        throw new IllegalStateException("unknown term " + t);
    }
}
