package dev.accelgen.pe.accel.isa;

import java.lang.reflect.RecordComponent;

/**
 * Where one field of an instruction sits in the 256-bit word: bits {@code [lsb, lsb + width)}. An
 * {@link Opnd} field is two: its register at {@code lsb} (4 bits) and its immediate above it.
 */
public record FieldLayout(String name, Kind kind, int lsb, int width, boolean signed, Class<?> type,
                          RecordComponent component) {
    public enum Kind { DEPS, ENUM, BOOL, INT, OPND }

    /** Bits of the immediate of an OPND field (its register takes the low 4). */
    public int immWidth() {
        return kind == Kind.OPND ? width - 4 : width;
    }
}
