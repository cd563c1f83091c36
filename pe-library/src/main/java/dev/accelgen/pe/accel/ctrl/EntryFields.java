package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.isa.FieldLayout;
import dev.accelgen.pe.accel.isa.Opcode;

/**
 * Reads the fields of a queue entry ({@link QueueLayout}) in RTL: raw fields from the instruction bits, operands
 * from their resolved slots; every value as an unsigned number of its field's width (32 for operands).
 */
public final class EntryFields {
    private final Bits entry;
    private final QueueLayout layout;

    public EntryFields(Bits entry, QueueLayout layout) {
        if (entry.width() != layout.width()) {
            throw new IllegalArgumentException("entry is " + entry.width() + " bits, layout " + layout.width());
        }
        this.entry = entry;
        this.layout = layout;
    }

    public Bool is(Opcode o) {
        return entry.slice(7, 0).asUInt().eq(o.code());
    }

    /** Field {@code name} of opcode {@code o}: its raw bits, or for an operand the resolved value. */
    public UInt field(Opcode o, String name) {
        FieldLayout f = InstrFields.of(o, name);
        if (f.kind() == FieldLayout.Kind.OPND) {
            int lsb = layout.slotLsb(InstrFields.slot(o, name));
            return entry.slice(lsb + QueueLayout.SLOT_BITS - 1, lsb).asUInt();
        }
        return entry.slice(f.lsb() + f.width() - 1, f.lsb()).asUInt();
    }

    /** Dependency flag {@code bit} (0 popPrev, 1 popNext, 2 pushPrev, 3 pushNext). */
    public Bool dep(int bit) {
        return entry.bit(8 + bit);
    }
}
