package dev.accelgen.compiler.backend.codegen;

import dev.accelgen.compiler.backend.layout.MemoryLayout;
import dev.accelgen.compiler.backend.layout.Region;
import dev.accelgen.compiler.backend.lir.LirModel;
import dev.accelgen.compiler.backend.lir.Val;
import dev.accelgen.compiler.backend.plan.TilePlan;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.isa.ControlInstr.AluOp;
import dev.accelgen.pe.accel.isa.Deps;
import dev.accelgen.pe.accel.isa.Mm;
import dev.accelgen.pe.accel.isa.Opnd;
import dev.accelgen.pe.accel.isa.Queue;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * What the op emitters share while one program is generated: the model, configuration, tiles and layout; the
 * program with its hazard tracking; ABUF, WBUF and SBUF allocation; and the plan record.
 */
final class Ctx {
    final LirModel lir;
    final HwConfig hw;
    final TilePlan tiles;
    final MemoryLayout layout;
    final Placement placement;
    /** Rows one chunk holds (the capacity of every value's rows). */
    final int rc;
    final ProgramBuilder program = new ProgramBuilder();
    final Hazards hazards = new Hazards(program);
    final Abuf abuf = new Abuf();
    final Wbuf wbuf;
    final PlanLog log = new PlanLog();
    private final int[] rootBase;
    private final List<Integer> temps = new ArrayList<>();
    private int sbufHighWater;
    private int lastMmUnit = -1;
    private List<Access> lastMmWrites = List.of();

    /** Makes an MM once its dependency flags and {@code overlap} are known. */
    interface MmMaker {
        Mm make(Deps deps, boolean overlap);
    }

    Ctx(LirModel lir, HwConfig hw, TilePlan tiles, MemoryLayout layout, int rc) {
        this.lir = lir;
        this.hw = hw;
        this.tiles = tiles;
        this.layout = layout;
        this.rc = rc;
        this.placement = Placement.of(lir, hw.lanes());
        this.wbuf = new Wbuf(hw.wbufWords());
        this.rootBase = new int[placement.roots()];
        Arrays.fill(rootBase, -1);
    }

    int lanes() {
        return hw.lanes();
    }

    int words(int cols) {
        return (cols + hw.lanes() - 1) / hw.lanes();
    }

    Opnd rows() {
        return Opnd.reg(Regs.ROWS);
    }

    // ---- ABUF placement

    void allocRoot(int root) {
        rootBase[root] = abuf.alloc(placement.stride(root) * rc);
    }

    void freeRoot(int root) {
        abuf.free(rootBase[root]);
        rootBase[root] = -1;
    }

    boolean allocated(int root) {
        return rootBase[root] >= 0;
    }

    Place place(Val v) {
        int r = placement.root(v);
        if (rootBase[r] < 0) {
            throw new IllegalStateException("value " + v.name() + " has no ABUF rows yet");
        }
        return new Place(rootBase[r] + placement.offset(v), placement.stride(r));
    }

    /** Op-local ABUF words, freed when the op's emission ends. */
    int temp(int words) {
        int at = abuf.alloc(words);
        temps.add(at);
        return at;
    }

    void freeTemps() {
        temps.forEach(abuf::free);
        temps.clear();
    }

    /** Notes that SBUF words [0, words) are used (SBUF is private to compute, which runs in order). */
    void sbuf(int words) {
        sbufHighWater = Math.max(sbufHighWater, words);
    }

    int sbufHighWater() {
        return sbufHighWater;
    }

    /** The chunk rows of {@code cols} columns at {@code p}, read ({@code write} false) or written. */
    Access rowsAccess(Place p, int cols, boolean write) {
        return Access.abuf(p.base(), (long) p.stride() * (rc - 1) + words(cols), write);
    }

    Access wordsAccess(int base, int words, boolean write) {
        return Access.abuf(base, words, write);
    }

    // ---- instructions

    void load(Function<Deps, QueuedInstr> make, Access... accesses) {
        hazards.emit(new Entry(Queue.LOAD, make), List.of(accesses));
    }

    void store(Function<Deps, QueuedInstr> make, Access... accesses) {
        hazards.emit(new Entry(Queue.STORE, make), List.of(accesses));
    }

    void compute(Function<Deps, QueuedInstr> make, Access... accesses) {
        hazards.emit(new Entry(Queue.COMPUTE, make), List.of(accesses));
        lastMmUnit = -1;
    }

    /**
     * An MM; marked {@code overlap} when the previous compute instruction was an MM on the same unit and this one
     * reads nothing that one writes.
     */
    void mm(MmMaker make, int unit, List<Access> reads, List<Access> writes) {
        boolean overlap = lastMmUnit == unit && reads.stream().noneMatch(r -> lastMmWrites.stream().anyMatch(w -> w.conflicts(r)));
        List<Access> all = new ArrayList<>(reads);
        all.addAll(writes);
        hazards.emit(new Entry(Queue.COMPUTE, deps -> make.make(deps, overlap)), all);
        lastMmUnit = unit;
        lastMmWrites = List.copyOf(writes);
    }

    /** Drains every queue (see {@link Hazards#fence}). */
    void fence() {
        hazards.fence();
        lastMmUnit = -1;
    }

    // ---- off-chip addresses

    /**
     * The operand addressing row {@code r[reg]} of {@code region}, formed in {@link Regs#ADDR} (and {@link Regs#TMP})
     * just before the instruction that uses it.
     */
    Opnd rowAddr(Region region, int reg) {
        boolean positional = region.kind() == Region.Kind.POSITIONAL;
        if (positional && region.prefix() != 0) {
            program.alu(AluOp.MUL, Regs.ADDR, Regs.CONTEXT, region.prefix());
            program.alu(AluOp.MUL, Regs.TMP, reg, region.rowBytes());
            program.aluReg(AluOp.ADD, Regs.ADDR, Regs.ADDR, Regs.TMP);
        } else {
            program.alu(AluOp.MUL, Regs.ADDR, reg, region.rowBytes());
        }
        return new Opnd(Regs.ADDR, region.offset());
    }

    Opnd fixedAddr(Region region) {
        return Opnd.imm(region.offset());
    }
}
