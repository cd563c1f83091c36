package dev.accelgen.compiler.backend.codegen;

import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import java.util.function.Function;

/**
 * A queued instruction whose dependency flags are still being decided: {@link Hazards} sets a producer's push
 * flag when a later consumer needs it, after the producer was emitted.
 */
final class Entry {
    final Queue queue;
    private final Function<Deps, QueuedInstr> make;
    boolean popPrev;
    boolean popNext;
    boolean pushPrev;
    boolean pushNext;
    /** Position in its queue since the last fence. */
    int index = -1;

    Entry(Queue queue, Function<Deps, QueuedInstr> make) {
        this.queue = queue;
        this.make = make;
    }

    QueuedInstr build() {
        QueuedInstr i = make.apply(new Deps(popPrev, popNext, pushPrev, pushNext));
        if (i.queue() != queue) {
            throw new IllegalStateException(i.opcode() + " goes to the " + i.queue() + " queue, not " + queue);
        }
        return i;
    }
}
