package dev.accelgen.pe.accel.core;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Val;
import dev.accelgen.pe.accel.ctrl.EntryFields;
import dev.accelgen.pe.accel.ctrl.InstrFields;
import dev.accelgen.pe.accel.isa.FieldLayout;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.vector.engine.EngineField;
import java.util.Set;

/**
 * An engine's {@code i_<field>} value from a compute-queue entry ({@code EngineField.value} in RTL): the
 * field of whichever of the engine's opcodes the entry holds (operands resolved, 32 bits; others their raw
 * bits, sign-extended when signed), 0 for an opcode without the field; {@code opcode} the entry's code.
 */
final class EngineFieldsRtl {
    private EngineFieldsRtl() {
    }

    static Val value(EntryFields entry, Bits raw, Set<Opcode> ops, EngineField f) {
        if (f.name().equals(EngineField.OPCODE)) {
            return raw.slice(7, 0).asUInt();
        }
        Bits acc = Bits.lit(0, f.width());
        for (Opcode o : ops) {
            if (!InstrFields.has(o, f.name())) {
                continue;
            }
            FieldLayout l = InstrFields.of(o, f.name());
            UInt v = entry.field(o, f.name());
            Bits ext = l.signed() && l.kind() != FieldLayout.Kind.OPND ? v.asSInt().resize(f.width()).asUInt().asBits()
                    : v.resize(f.width()).asBits();
            Bool is = entry.is(o);
            acc = is.select(ext, acc);
        }
        return f.signed() ? acc.asSInt() : acc.asUInt();
    }
}
