package dev.accelgen.compiler.backend.codegen;

import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.isa.Sync;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Orders the three queues through dependency tokens (docs/isa.md): every queued instruction waits for the latest
 * instruction of each other queue that touches what it touches (read after write, write after read or write). One
 * token per such edge, pushed by the producer and popped by the consumer; an edge already implied by an earlier
 * one (an earlier consumer of the same queue waited for a later producer) is dropped, so in every direction the
 * producers of successive edges are strictly later, each instruction pushes and pops at most once per direction,
 * and the i-th pop of a counter always meets the i-th push. Loads and stores have no counter between them: a
 * compute-queue SYNC relays their edge.
 *
 * <p>Tracking is straight-line: a {@link #fence} (every queue drained) separates blocks, and loops and branches
 * begin and end only at fences, so a loop body's tokens balance within each iteration.
 */
final class Hazards {
    private record Rec(Entry entry, List<Access> accesses) {
    }

    /** A token counter: from producer queue to consumer queue. */
    private enum Dir {
        LC(Queue.LOAD, Queue.COMPUTE), CL(Queue.COMPUTE, Queue.LOAD), CS(Queue.COMPUTE, Queue.STORE), SC(Queue.STORE, Queue.COMPUTE);

        final Queue from;
        final Queue to;

        Dir(Queue from, Queue to) {
            this.from = from;
            this.to = to;
        }

        static Dir of(Queue from, Queue to) {
            for (Dir d : values()) {
                if (d.from == from && d.to == to) {
                    return d;
                }
            }
            return null;
        }

        /** The consumer is the producer's next queue (pushNext / popPrev), else its previous one. */
        boolean forward() {
            return to.ordinal() == from.ordinal() + 1;
        }
    }

    private final ProgramBuilder program;
    private final Map<Queue, List<Rec>> recs = new EnumMap<>(Queue.class);
    private final Map<Dir, int[]> last = new EnumMap<>(Dir.class);
    private int fences;

    Hazards(ProgramBuilder program) {
        this.program = program;
        reset();
    }

    /** Appends a queued instruction that reads and writes {@code accesses}, after every instruction it must wait for. */
    void emit(Entry e, List<Access> accesses) {
        int[] need = {-1, -1, -1};
        for (Queue q : Queue.values()) {
            if (q != e.queue) {
                need[q.ordinal()] = latestConflict(q, accesses);
            }
        }
        if (e.queue != Queue.COMPUTE) {
            Queue other = e.queue == Queue.LOAD ? Queue.STORE : Queue.LOAD;
            int p = need[other.ordinal()];
            if (p >= 0 && !relayed(Dir.of(other, Queue.COMPUTE), Dir.of(Queue.COMPUTE, e.queue), p)) {
                Entry relay = sync(Queue.COMPUTE);
                append(relay, List.of());
                edge(Dir.of(other, Queue.COMPUTE), recs.get(other).get(p).entry(), relay);
                need[Queue.COMPUTE.ordinal()] = relay.index;
            }
        }
        append(e, accesses);
        for (Queue q : Queue.values()) {
            Dir d = Dir.of(q, e.queue);
            if (d != null && need[q.ordinal()] >= 0) {
                edge(d, recs.get(q).get(need[q.ordinal()]).entry(), e);
            }
        }
    }

    /**
     * Drains every queue: the load and store queues report their last completion to compute, a compute SYNC waits
     * for both and for every compute instruction, and releases the next load and store. Nothing after the fence
     * starts before everything before it has completed.
     */
    void fence() {
        program.add(syncFlags(Queue.LOAD, false, false, false, true));
        program.add(syncFlags(Queue.STORE, false, false, true, false));
        program.add(syncFlags(Queue.COMPUTE, true, true, true, true));
        program.add(syncFlags(Queue.LOAD, false, true, false, false));
        program.add(syncFlags(Queue.STORE, true, false, false, false));
        fences++;
        reset();
    }

    int fences() {
        return fences;
    }

    private void reset() {
        for (Queue q : Queue.values()) {
            recs.put(q, new ArrayList<>());
        }
        for (Dir d : Dir.values()) {
            last.put(d, new int[] {-1, -1});
        }
    }

    private void append(Entry e, List<Access> accesses) {
        List<Rec> list = recs.get(e.queue);
        e.index = list.size();
        list.add(new Rec(e, List.copyOf(accesses)));
        program.add(e);
    }

    private int latestConflict(Queue q, List<Access> accesses) {
        List<Rec> list = recs.get(q);
        for (int i = list.size() - 1; i >= 0; i--) {
            for (Access a : list.get(i).accesses()) {
                for (Access b : accesses) {
                    if (a.conflicts(b)) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** Whether producer {@code p} of {@code in} already reaches the consumer queue of {@code out} through compute. */
    private boolean relayed(Dir in, Dir out, int p) {
        int[] a = last.get(in);
        return a[0] >= p && last.get(out)[0] >= a[1];
    }

    private void edge(Dir d, Entry producer, Entry consumer) {
        int[] l = last.get(d);
        if (producer.index <= l[0]) {
            return;
        }
        if (d.forward()) {
            check(!producer.pushNext && !consumer.popPrev);
            producer.pushNext = true;
            consumer.popPrev = true;
        } else {
            check(!producer.pushPrev && !consumer.popNext);
            producer.pushPrev = true;
            consumer.popNext = true;
        }
        l[0] = producer.index;
        l[1] = consumer.index;
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("a dependency token flag was set twice");
        }
    }

    private static Entry sync(Queue q) {
        return new Entry(q, deps -> new Sync(deps, q));
    }

    private static Entry syncFlags(Queue q, boolean popPrev, boolean popNext, boolean pushPrev, boolean pushNext) {
        Entry e = sync(q);
        e.popPrev = popPrev;
        e.popNext = popNext;
        e.pushPrev = pushPrev;
        e.pushNext = pushNext;
        return e;
    }
}
