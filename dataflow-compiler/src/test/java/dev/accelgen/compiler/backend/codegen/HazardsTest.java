package dev.accelgen.compiler.backend.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.pe.accel.isa.Instr;
import dev.accelgen.pe.accel.isa.Ld;
import dev.accelgen.pe.accel.isa.Ld.LdMode;
import dev.accelgen.pe.accel.isa.Ld.LdTarget;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.isa.St;
import dev.accelgen.pe.accel.isa.VecInstr;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dependency tokens from buffer and memory accesses: read after write, write after read, implied edges dropped,
 * load-store edges relayed through a compute SYNC, fences draining every queue.
 */
class HazardsTest {
    private final ProgramBuilder program = new ProgramBuilder();
    private final Hazards hazards = new Hazards(program);

    private void load(int dst, String region) {
        hazards.emit(new Entry(Queue.LOAD, d -> new Ld(d, LdTarget.ABUF, LdMode.LINEAR, 0, Opnd.imm(0), Opnd.imm(dst), Opnd.imm(1), 32,
                32, 1, Opnd.imm(0))), List.of(Access.mem(region, false), Access.abuf(dst, 1, true)));
    }

    private void copy(int from, int to) {
        hazards.emit(new Entry(Queue.COMPUTE, d -> new VecInstr.VCopy(d, Opnd.imm(1), 8, Opnd.imm(from), 1, Opnd.imm(to), 1)),
                List.of(Access.abuf(from, 1, false), Access.abuf(to, 1, true)));
    }

    private void store(int src, String region) {
        hazards.emit(new Entry(Queue.STORE, d -> new St(d, 0, Opnd.imm(src), Opnd.imm(0), Opnd.imm(1), 32, 1, 32)),
                List.of(Access.abuf(src, 1, false), Access.mem(region, true)));
    }

    private List<String> listing() {
        List<Instr> instrs = program.build();
        return instrs.stream().map(i -> i.opcode() + " " + ((QueuedInstr) i).deps() + (i instanceof dev.accelgen.pe.accel.isa.Sync s
                ? " " + s.target() : "")).map(String::strip).toList();
    }

    @Test
    void readAfterWriteAndWriteAfterReadBecomeOneTokenEach() {
        load(0, "in");
        copy(0, 1);
        load(0, "in");
        copy(0, 2);
        assertEquals(List.of("LD +pushNext", "VCOPY +popPrev +pushPrev", "LD +popNext +pushNext", "VCOPY +popPrev"), listing());
    }

    @Test
    void anEdgeImpliedByAnEarlierOneIsDropped() {
        load(0, "a");
        load(1, "b");
        copy(1, 2);
        copy(0, 3);
        assertEquals(List.of("LD", "LD +pushNext", "VCOPY +popPrev", "VCOPY"), listing(),
                "the second copy reads what the first load wrote, which completed before the second load");
    }

    @Test
    void aLoadOfWhatAStoreWroteWaitsThroughAComputeSync() {
        copy(0, 1);
        store(1, "cache");
        load(2, "cache");
        assertEquals(List.of("VCOPY +pushNext", "ST +popPrev +pushPrev", "SYNC +popNext +pushPrev COMPUTE", "LD +popNext"), listing());
    }

    @Test
    void aFenceDrainsEveryQueueAndForgetsWhatCameBefore() {
        load(0, "in");
        hazards.fence();
        copy(0, 1);
        assertEquals(List.of("LD", "SYNC +pushNext LOAD", "SYNC +pushPrev STORE", "SYNC +popPrev +popNext +pushPrev +pushNext COMPUTE",
                "SYNC +popNext LOAD", "SYNC +popPrev STORE", "VCOPY"), listing());
    }
}
