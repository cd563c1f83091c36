package dev.accelgen.pe.accel.matrix.model;

import dev.accelgen.pe.accel.isa.Mm;
import dev.accelgen.pe.accel.isa.QueuedInstr;
import dev.accelgen.pe.accel.matrix.MatrixEngineConfig;
import dev.accelgen.pe.accel.matrix.Utilization;
import dev.accelgen.pe.accel.model.AbufPort;
import dev.accelgen.pe.accel.model.SbufPort;
import dev.accelgen.pe.accel.model.WbufReadPort;
import dev.accelgen.pe.vector.engine.EngineModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Cycle model of a matrix engine ({@code MatrixEngine}'s RTL, register for register): fetch (instruction slots,
 * column parameters, activation rows quantized into a double-buffered row buffer), issue (one beat per cycle
 * into the unit with its WBUF weights), the unit's own cycle model, and the output stage (dequantize, bias,
 * accumulate, ABUF writes). Three instructions may be in flight (one draining, one issuing, one fetching): the
 * next one is taken once the previous one's fetch is done and a slot is free, and with {@code overlap} its beats
 * follow the previous one's without a gap; without {@code overlap} its fetch waits until every earlier one wrote
 * its last word. See docs/isa.md, "Timing rules", for the resulting cycle counts.
 */
public final class MatrixEngineModel implements EngineModel {
    public final AbufPort ab;
    public final SbufPort sb = new SbufPort();
    public final WbufReadPort wb;
    private final MatrixEngineConfig cfg;
    private final EngineState st;
    private final FetchStage fetch;
    private final IssueStage issue;
    private final OutputStage output;
    private final UnitModel unit;
    private boolean goIn;
    private Mm instrIn;
    private boolean abRdEn;
    private int abRdAddr;
    private boolean sbRdEn;
    private int sbRdAddr;
    private OutputStage.Write write;
    private boolean busy;
    private final Deque<Long> started = new ArrayDeque<>();
    private final List<Utilization.Run> runs = new ArrayList<>();

    public MatrixEngineModel(MatrixEngineConfig cfg) {
        this(cfg, false);
    }

    /**
     * With {@code timingOnly} the unit computes nothing (its results are zeros in the cycles it would deliver
     * them) and a gather MM takes its {@code rows} operand as the token count and row m as its m-th token
     * (docs/accelerator.md, "Timing-only mode"); the cycles are those of a data run with such a token list.
     */
    public MatrixEngineModel(MatrixEngineConfig cfg, boolean timingOnly) {
        this.cfg = cfg;
        this.ab = new AbufPort(cfg.lanes());
        this.wb = new WbufReadPort(cfg.hw().wbufWordBits());
        this.st = new EngineState(cfg, timingOnly);
        this.fetch = new FetchStage(st);
        this.issue = new IssueStage(st);
        this.output = new OutputStage(st);
        this.unit = timingOnly ? new TimingModel(cfg.spec(), cfg.shape().colsPerBlock()) : UnitModel.of(cfg.spec());
    }

    @Override
    public AbufPort abuf() {
        return ab;
    }

    @Override
    public SbufPort sbuf() {
        return sb;
    }

    @Override
    public WbufReadPort wbuf() {
        return wb;
    }

    @Override
    public boolean handles(QueuedInstr resolved) {
        return resolved instanceof Mm m && m.unit() == cfg.unit();
    }

    @Override
    public void go(boolean go, QueuedInstr instr) {
        goIn = go;
        instrIn = go ? (Mm) instr : null;
    }

    @Override
    public boolean ready() {
        return fetch.ready;
    }

    @Override
    public boolean busy() {
        return busy;
    }

    @Override
    public void drive() {
        ab.rdEn = abRdEn;
        ab.rdAddr = abRdAddr;
        ab.wrEn = write != null;
        if (write != null) {
            ab.wrAddr = write.addr();
            System.arraycopy(write.data(), 0, ab.wrData, 0, ab.wrData.length);
        }
        sb.rdEn = sbRdEn;
        sb.rdAddr = sbRdAddr;
        sb.wrEn = false;
        wb.rdEn = issue.wbEn;
        wb.rdBank = issue.wbBank;
        wb.rdAddr = issue.wbAddr;
    }

    @Override
    public void tick() {
        boolean accepted = goIn && fetch.ready;
        boolean[] fullNext = st.full.clone();
        boolean[] claimedNext = st.claimed.clone();
        boolean[] inUseNext = st.inUse.clone();
        if (issue.beat != null && issue.beat.mmStart()) {
            started.add(st.cycle);
        }
        long[] frag = unit.step(issue.beat, issue.dSparse);
        output.tick(frag, ab.rdData, sb.rdData, inUseNext);
        issue.tick(wb.rdData, fullNext, claimedNext);
        FetchStage.Op op = fetch.tick(goIn, instrIn, output.abClaim, output.sbClaim, ab.rdData, sb.rdData, fullNext,
                claimedNext, inUseNext);
        abRdEn = output.abClaim || op != null && !op.sbuf();
        abRdAddr = output.abClaim ? output.abAddr : abRdEn ? op.addr() : abRdAddr;
        sbRdEn = output.sbClaim || op != null && op.sbuf();
        sbRdAddr = output.sbClaim ? output.sbAddr : sbRdEn ? op.addr() : sbRdAddr;
        write = output.write;
        if (output.freed >= 0) {
            MmContext c = st.slots[output.freed];
            runs.add(new Utilization.Run(started.remove(), st.cycle + 1, macs(c)));
        }
        st.full = fullNext;
        st.claimed = claimedNext;
        st.inUse = inUseNext;
        busy = accepted || write != null;
        for (boolean u : inUseNext) {
            busy |= u;
        }
        st.cycle++;
    }

    /**
     * The products the unit computes for {@code c}: rows*n*k, and for a sparse MM on a DSP chain only the kept
     * weights' (the dense positions per beat over the sparse window's), so a sparse MM can at most fill the lanes.
     */
    private long macs(MmContext c) {
        long dense = (long) c.rows() * c.n() * c.k();
        return c.sparse() ? dense * cfg.shape().positions(false) / cfg.shape().positions(true) : dense;
    }

    /** Every finished instruction's run, in order. */
    public List<Utilization.Run> runs() {
        return List.copyOf(runs);
    }

    /** Over every finished instruction. */
    public Utilization utilization() {
        return Utilization.of(runs, cfg.macLanes());
    }
}
