package dev.accelgen.pe.accel.isa;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The bit layout of every opcode, derived from its record's components in declaration order: bits [7:0]
 * opcode, [11:8] the dependency flags (popPrev, popNext, pushPrev, pushNext) of queued instructions, then
 * each remaining component packed upward from bit 12. One table serves the encoder, the decoder, the
 * listing, the documentation and the RTL decoder.
 */
public final class InstrLayout {
    public static final int BITS = 256;
    public static final int BYTES = BITS / 8;
    public static final int OPCODE_BITS = 8;
    public static final int DEPS_LSB = 8;
    public static final int FIRST_FIELD = 12;

    private static final Map<Opcode, List<FieldLayout>> LAYOUTS = new EnumMap<>(Opcode.class);

    static {
        for (Opcode o : Opcode.values()) {
            LAYOUTS.put(o, Collections.unmodifiableList(derive(o)));
        }
    }

    private InstrLayout() {
    }

    public static List<FieldLayout> of(Opcode o) {
        return LAYOUTS.get(o);
    }

    /** Total bits an opcode's fields use (at most {@link #BITS}). */
    public static int usedBits(Opcode o) {
        List<FieldLayout> l = of(o);
        int end = FIRST_FIELD;
        for (FieldLayout f : l) {
            end = Math.max(end, f.lsb() + f.width());
        }
        return end;
    }

    private static List<FieldLayout> derive(Opcode o) {
        List<FieldLayout> out = new ArrayList<>();
        int pos = FIRST_FIELD;
        for (RecordComponent c : o.type().getRecordComponents()) {
            Class<?> t = c.getType();
            Bits bits = c.getAnnotation(Bits.class);
            FieldLayout f;
            if (t == Deps.class) {
                f = new FieldLayout(c.getName(), FieldLayout.Kind.DEPS, DEPS_LSB, 4, false, t, c);
            } else if (t.isEnum()) {
                int n = t.getEnumConstants().length;
                int w = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
                f = new FieldLayout(c.getName(), FieldLayout.Kind.ENUM, pos, w, false, t, c);
            } else if (t == boolean.class) {
                f = new FieldLayout(c.getName(), FieldLayout.Kind.BOOL, pos, 1, false, t, c);
            } else if (t == int.class || t == long.class) {
                f = new FieldLayout(c.getName(), FieldLayout.Kind.INT, pos, need(o, c, bits), bits.signed(), t, c);
            } else if (t == Opnd.class) {
                f = new FieldLayout(c.getName(), FieldLayout.Kind.OPND, pos, 4 + need(o, c, bits), bits.signed(), t, c);
            } else {
                throw new IllegalStateException(o + "." + c.getName() + " has an unencodable type " + t);
            }
            if (f.kind() != FieldLayout.Kind.DEPS) {
                pos += f.width();
            }
            out.add(f);
        }
        if (pos > BITS) {
            throw new IllegalStateException(o + " needs " + pos + " bits, more than " + BITS);
        }
        return out;
    }

    private static int need(Opcode o, RecordComponent c, Bits bits) {
        if (bits == null || bits.value() < 1 || bits.value() > 64) {
            throw new IllegalStateException(o + "." + c.getName() + " needs @Bits(1..64)");
        }
        return bits.value();
    }
}
