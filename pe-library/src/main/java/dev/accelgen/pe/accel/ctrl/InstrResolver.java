package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.pe.accel.isa.FieldLayout;
import dev.accelgen.pe.accel.isa.InstrLayout;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces the operands of a queued instruction by their values, as the controller does when it queues it:
 * {@code r[reg] + imm} in 32 bits, read as unsigned (signed for a field whose immediate is signed, such as
 * VATTN's {@code diag}). An instruction whose operands all name r0 and hold their value already is returned as is.
 */
public final class InstrResolver {
    private record Shape(Constructor<?> ctor, Method[] accessors, boolean[] operand, boolean[] signed) {
    }

    private static final Map<Opcode, Shape> SHAPES = new EnumMap<>(Opcode.class);

    static {
        for (Opcode o : Opcode.values()) {
            if (!o.queued()) {
                continue;
            }
            RecordComponent[] comps = o.type().getRecordComponents();
            Class<?>[] types = new Class<?>[comps.length];
            Method[] acc = new Method[comps.length];
            boolean[] opnd = new boolean[comps.length];
            boolean[] signed = new boolean[comps.length];
            List<FieldLayout> layout = InstrLayout.of(o);
            for (int i = 0; i < comps.length; i++) {
                types[i] = comps[i].getType();
                acc[i] = comps[i].getAccessor();
                opnd[i] = types[i] == Opnd.class;
                signed[i] = layout.get(i).signed();
            }
            try {
                SHAPES.put(o, new Shape(o.type().getDeclaredConstructor(types), acc, opnd, signed));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private InstrResolver() {
    }

    /** The 32-bit value of {@code r[o.reg] + o.imm}: unsigned, or signed for a signed field. */
    public static long value(Opnd o, int[] regs, boolean signed) {
        int v = (int) (regs[o.reg()] + o.imm());
        return signed ? v : v & 0xFFFF_FFFFL;
    }

    public static QueuedInstr resolve(QueuedInstr instr, int[] regs) {
        Shape s = SHAPES.get(instr.opcode());
        try {
            Object[] args = null;
            for (int i = 0; i < s.accessors.length; i++) {
                if (!s.operand[i]) {
                    continue;
                }
                Opnd o = (Opnd) s.accessors[i].invoke(instr);
                long v = value(o, regs, s.signed[i]);
                if (o.reg() == 0 && o.imm() == v) {
                    continue;
                }
                if (args == null) {
                    args = new Object[s.accessors.length];
                    for (int j = 0; j < args.length; j++) {
                        args[j] = s.accessors[j].invoke(instr);
                    }
                }
                args[i] = Opnd.imm(v);
            }
            return args == null ? instr : (QueuedInstr) s.ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot resolve " + instr, e);
        }
    }
}
