package dev.accelgen.pe.accel.isa;

/**
 * Passes dependency tokens only: occupies its queue's head until its pops are available, then pushes. A SYNC
 * in the load queue has no previous queue and one in the store queue no next queue: those flags must be false.
 */
public record Sync(Deps deps, Queue target) implements QueuedInstr {
    public Sync {
        if (target == Queue.LOAD && (deps.popPrev() || deps.pushPrev())) {
            throw new IllegalArgumentException("SYNC to the load queue has no previous queue: popPrev and pushPrev must be false");
        }
        if (target == Queue.STORE && (deps.popNext() || deps.pushNext())) {
            throw new IllegalArgumentException("SYNC to the store queue has no next queue: popNext and pushNext must be false");
        }
    }

    @Override
    public Queue queue() {
        return target;
    }
}
