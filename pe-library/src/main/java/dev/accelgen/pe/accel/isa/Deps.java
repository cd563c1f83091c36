package dev.accelgen.pe.accel.isa;

/**
 * Dependency-token flags of a queued instruction (VTA's scheme). The queues are ordered load -> compute ->
 * store; "prev" is the queue before this one, "next" the one after. An instruction starts when every
 * counter it pops is non-zero (and decrements it) and increments the counters it pushes when it completes.
 * Load has no prev and store no next: those flags must be false.
 */
public record Deps(boolean popPrev, boolean popNext, boolean pushPrev, boolean pushNext) {
    public static final Deps NONE = new Deps(false, false, false, false);

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (popPrev) {
            b.append(" +popPrev");
        }
        if (popNext) {
            b.append(" +popNext");
        }
        if (pushPrev) {
            b.append(" +pushPrev");
        }
        if (pushNext) {
            b.append(" +pushNext");
        }
        return b.toString().strip();
    }
}
