package dev.accelgen.pe.accel.isa;

/** Passes dependency tokens only: occupies its queue's head until its pops are available, then pushes. */
public record Sync(Deps deps, Queue target) implements QueuedInstr {
    @Override
    public Queue queue() {
        return target;
    }
}
