package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.pe.accel.isa.FieldLayout;
import dev.accelgen.pe.accel.isa.InstrLayout;
import dev.accelgen.pe.accel.isa.Opcode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field lookup by name over {@link InstrLayout}, and the operand slots of an opcode: its operand fields in
 * layout order, slot k holding the k-th operand's resolved value in a queue entry.
 */
public final class InstrFields {
    private static final Map<Opcode, Map<String, FieldLayout>> BY_NAME = new EnumMap<>(Opcode.class);
    private static final Map<Opcode, List<FieldLayout>> OPERANDS = new EnumMap<>(Opcode.class);

    static {
        for (Opcode o : Opcode.values()) {
            Map<String, FieldLayout> m = new LinkedHashMap<>();
            List<FieldLayout> ops = new ArrayList<>();
            for (FieldLayout f : InstrLayout.of(o)) {
                m.put(f.name(), f);
                if (f.kind() == FieldLayout.Kind.OPND) {
                    ops.add(f);
                }
            }
            BY_NAME.put(o, Collections.unmodifiableMap(m));
            OPERANDS.put(o, Collections.unmodifiableList(ops));
        }
    }

    private InstrFields() {
    }

    public static FieldLayout of(Opcode o, String name) {
        FieldLayout f = BY_NAME.get(o).get(name);
        if (f == null) {
            throw new IllegalArgumentException(o + " has no field '" + name + "'");
        }
        return f;
    }

    public static boolean has(Opcode o, String name) {
        return BY_NAME.get(o).containsKey(name);
    }

    /** The operand fields of {@code o} in layout order (slot k = element k). */
    public static List<FieldLayout> operands(Opcode o) {
        return OPERANDS.get(o);
    }

    /** The slot of operand field {@code name} of {@code o}. */
    public static int slot(Opcode o, String name) {
        List<FieldLayout> ops = OPERANDS.get(o);
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(o + "." + name + " is not an operand");
    }
}
