package dev.accelgen.pe.accel.ctrl;

import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.InstrLayout;
import dev.accelgen.pe.accel.isa.Opcode;
import dev.accelgen.pe.accel.isa.Queue;
import java.util.ArrayList;
import java.util.List;

/**
 * The bits of one queue entry in RTL: the instruction's raw bits {@code [0, rawBits)} (enough for every opcode
 * the queue takes), then one 32-bit slot per operand holding its resolved value (slot k = the opcode's k-th
 * operand, {@link InstrFields#operands}).
 */
public record QueueLayout(Queue queue, List<Opcode> opcodes, int rawBits, int slots) {
    public QueueLayout {
        opcodes = List.copyOf(opcodes);
    }

    public static final int SLOT_BITS = 32;

    public static QueueLayout of(HwConfig c, Queue q) {
        List<Opcode> ops = new ArrayList<>();
        int raw = InstrLayout.FIRST_FIELD;
        int slots = 0;
        for (Opcode o : InstrRules.supported(c)) {
            if (o == Opcode.SYNC || o.queued() && queueOf(o) == q) {
                ops.add(o);
                raw = Math.max(raw, InstrLayout.usedBits(o));
                slots = Math.max(slots, InstrFields.operands(o).size());
            }
        }
        return new QueueLayout(q, ops, raw, slots);
    }

    /** The queue an opcode goes to (SYNC: its target, so every queue takes SYNC). */
    public static Queue queueOf(Opcode o) {
        return switch (o) {
            case LD -> Queue.LOAD;
            case ST -> Queue.STORE;
            default -> Queue.COMPUTE;
        };
    }

    public int width() {
        return rawBits + slots * SLOT_BITS;
    }

    /** The first bit of operand slot {@code k}. */
    public int slotLsb(int k) {
        return rawBits + k * SLOT_BITS;
    }
}
