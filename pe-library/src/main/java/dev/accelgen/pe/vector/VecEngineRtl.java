package dev.accelgen.pe.vector;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.SInt;
import dev.accelgen.hdl.UInt;
import dev.accelgen.pe.vector.engine.EngineIo;
import dev.accelgen.pe.vector.seq.PassSequencerRtl;
import dev.accelgen.pe.vector.seq.SeqPlanRtl;
import java.util.ArrayList;
import java.util.List;

/**
 * The RTL skeleton of a vector engine ({@link VecEngineModel} in Java): the sequencer on the ABUF read port,
 * the x stage (the tag of the read whose data is on {@code ab_rd_data} this cycle), {@code busy}/{@code ready}.
 * An engine builds its pipeline on {@link #x} and calls {@link #finish} with its own busy term.
 */
public final class VecEngineRtl {
    public final EngineIo io;
    public final PassSequencerRtl seq;
    /** The x stage: tag of the word on {@code ab_rd_data} this cycle. */
    public final Bool xValid;
    public final Bool xPro;
    public final UInt xK;
    public final UInt xPass;
    public final Bool xSlot;
    public final UInt xW;
    public final Bool xLast;
    public final UInt xDAddr;
    public final Bool xLastRow;
    private final ModuleBuilder b;
    private final VecEngineConfig cfg;
    private final Bool started;

    public VecEngineRtl(ModuleBuilder b, VecEngineConfig cfg, EngineIo io, SeqPlanRtl plan) {
        this.b = b;
        this.cfg = cfg;
        this.io = io;
        seq = new PassSequencerRtl(b, cfg, io.go(), plan);
        started = b.regNext("started", io.go(), 0);
        xValid = b.regNext("x_valid", seq.rdEn, 0);
        xPro = b.regNext("x_pro", seq.tPro, 0);
        xK = b.regNext("x_k", seq.tK, 0);
        xPass = b.regNext("x_pass", seq.tPass, 0);
        xSlot = b.regNext("x_slot", seq.tSlot, 0);
        xW = b.regNext("x_w", seq.tW, 0);
        xLast = b.regNext("x_last", seq.tLast, 0);
        xDAddr = b.regNext("x_daddr", seq.tDAddr, 0);
        xLastRow = b.regNext("x_last_row", seq.tLastRow, 0);
        io.abRdEn().set(seq.rdEn);
        io.abRdAddr().set(seq.rdAddr);
    }

    /** Lane i of the ABUF word on the read port. */
    public SInt lane(int i) {
        return io.abRdData().slice(32 * i + 31, 32 * i).asSInt();
    }

    /** Whether lane i of the x-stage word lies within the row. */
    public Bool xLaneValid(int i) {
        return seq.laneValid(xW, i);
    }

    /** V lanes as one ABUF word, lane 0 in the low bits. */
    public static Bits word(List<SInt> lanes) {
        List<SInt> msbFirst = new ArrayList<>(lanes);
        java.util.Collections.reverse(msbFirst);
        return Bits.cat(msbFirst.toArray(new SInt[0]));
    }

    /** Drives busy/ready: busy while started, the sequencer runs, the x stage or the engine's pipeline is valid. */
    public void finish(Bool pipelineBusy) {
        Bool busy = b.named("busy_any", started.or(seq.active()).or(seq.rdEn).or(xValid).or(pipelineBusy));
        io.busy().set(busy);
        io.ready().set(busy.not());
    }

    /** The gap field value of a plan: constant cycles. */
    public static UInt gap(int cycles) {
        return SeqPlanRtl.gap(cycles);
    }

    public VecEngineConfig cfg() {
        return cfg;
    }
}
