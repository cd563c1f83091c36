package dev.accelgen.pe.accel.dma;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.ctrl.EntryFields;
import dev.accelgen.pe.accel.ctrl.QueueLayout;
import dev.accelgen.pe.accel.isa.Queue;
import java.util.ArrayList;
import java.util.List;

/**
 * What the load and store engines share in RTL: the queue side ({@code start}, the head entry on
 * {@code instr}, {@code clear_errors}), the port bases, and the status registers and outputs {@code busy},
 * {@code done}, {@code <push>} (the token the finished instruction pushes) and the sticky {@code error}.
 */
final class DmaSideRtl {
    final Bool start;
    final EntryFields instr;
    final Bool clear;
    final List<UInt> bases = new ArrayList<>();
    final Bool busy;
    final Bool push;
    final Bool error;
    private final ModuleBuilder b;
    private final Bool donePulse;
    private final Bool donePush;

    DmaSideRtl(ModuleBuilder b, HwConfig c, Queue q, String pushName) {
        this.b = b;
        QueueLayout layout = QueueLayout.of(c, q);
        start = b.input("start", Bool.type());
        instr = new EntryFields(b.input("instr", Bits.type(layout.width())), layout);
        clear = b.input("clear_errors", Bool.type());
        for (int p = 0; p < c.ports(); p++) {
            bases.add(b.input("base_" + p, UInt.type(BurstIssuerRtl.ADDR_BITS)));
        }
        busy = b.reg("busy_q", Bool.type(), 0);
        donePulse = b.reg("done_q", Bool.type(), 0);
        donePush = b.reg("done_push_q", Bool.type(), 0);
        push = b.reg(pushName + "_q", Bool.type(), 0);
        error = b.reg("error_q", Bool.type(), 0);
        b.<Bool>output("busy", Bool.type()).set(busy);
        b.<Bool>output("done", Bool.type()).set(donePulse);
        b.<Bool>output(pushName, Bool.type()).set(donePulse.and(donePush));
        b.<Bool>output("error", Bool.type()).set(error);
    }

    /** The error flag: cleared by {@code clear_errors}, set (later, so it wins) by {@code bad}. */
    void errors(Bool bad) {
        b.when(clear, () -> error.set(Bool.FALSE));
        b.when(bad, () -> error.set(Bool.TRUE));
    }

    /** The completion: the cycle after {@code finished}, busy falls and the pulse carries the token. */
    void finish(Bool finished) {
        donePulse.set(Bool.FALSE);
        b.when(finished, () -> {
            busy.set(Bool.FALSE);
            donePulse.set(Bool.TRUE);
            donePush.set(push);
        });
    }

    /** Latches an instruction: busy, and whether it pushes a token ({@code pushFlag}). */
    void begin(Bool pushFlag) {
        b.when(start, () -> {
            busy.set(Bool.TRUE);
            push.set(pushFlag);
        });
    }
}
