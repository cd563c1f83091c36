package dev.accelgen.pe.vector.engine;

import dev.accelgen.pe.accel.isa.FieldLayout;
import dev.accelgen.pe.accel.isa.InstrLayout;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One {@code i_<name>} input of a compute engine: a component of the resolved instruction, at its full value
 * width (32 bits for an operand, the encoded width otherwise), or the pseudo-field {@value #OPCODE} (8 bits)
 * that an engine executing several opcodes receives. The dispatcher drives {@link #value} of the
 * instruction it starts; a field the instruction's record lacks is driven 0.
 */
public record EngineField(String name, int width, boolean signed) {
    public static final String OPCODE = "opcode";
    public static final int OPERAND_BITS = 32;

    public EngineField {
        if (width < 1 || width > 64) {
            throw new IllegalArgumentException("field " + name + " width must be 1..64 (got " + width + ")");
        }
    }

    /**
     * The fields {@code names} of the records of {@code ops}, in the order given, preceded by {@value #OPCODE}
     * when there is more than one opcode. A name in several records takes the widest of them (signed if any is).
     */
    public static List<EngineField> of(Collection<Opcode> ops, String... names) {
        List<EngineField> out = new ArrayList<>();
        if (ops.size() > 1) {
            out.add(new EngineField(OPCODE, 8, false));
        }
        for (String n : names) {
            int width = 0;
            boolean signed = false;
            for (Opcode o : ops) {
                for (FieldLayout f : InstrLayout.of(o)) {
                    if (f.name().equals(n)) {
                        if (f.kind() == FieldLayout.Kind.DEPS) {
                            throw new IllegalArgumentException("deps is handled by the dispatcher, not an engine field");
                        }
                        width = Math.max(width, f.kind() == FieldLayout.Kind.OPND ? OPERAND_BITS : f.width());
                        signed |= f.signed();
                    }
                }
            }
            if (width == 0) {
                throw new IllegalArgumentException("no instruction of " + ops + " has a field named " + n);
            }
            out.add(new EngineField(n, width, signed));
        }
        return List.copyOf(out);
    }

    /** Port name on the engine. */
    public String port() {
        return "i_" + name;
    }

    /**
     * The value driven for {@code instr} (operands must be resolved): operands wrap to 32 bits, enums give their
     * ordinal, flags 0/1; signed fields as signed values, unsigned ones as their unsigned bit pattern.
     */
    public long value(QueuedInstr instr) {
        if (name.equals(OPCODE)) {
            return instr.opcode().code();
        }
        for (RecordComponent c : instr.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                return fit(raw(c, instr));
            }
        }
        return 0;
    }

    private long fit(long v) {
        if (width == 64) {
            return v;
        }
        long bits = v & ((1L << width) - 1);
        return signed && (bits >> (width - 1) & 1) != 0 ? bits - (1L << width) : bits;
    }

    private static long raw(RecordComponent c, QueuedInstr instr) {
        Object v;
        try {
            v = c.getAccessor().invoke(instr);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        if (v instanceof Opnd o) {
            return o.value();
        }
        if (v instanceof Enum<?> e) {
            return e.ordinal();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) v).longValue();
    }
}
