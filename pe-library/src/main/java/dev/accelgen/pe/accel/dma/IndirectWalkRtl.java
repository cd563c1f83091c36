package dev.accelgen.pe.accel.dma;

import static dev.accelgen.pe.accel.rtl.RtlUtil.bitsFor;
import static dev.accelgen.pe.accel.rtl.RtlUtil.log2;
import static dev.accelgen.pe.accel.rtl.RtlUtil.min;
import static dev.accelgen.pe.accel.rtl.RtlUtil.u;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.UInt;
import dev.accelgen.hdl.Vec;
import java.util.ArrayList;
import java.util.List;

/** The RTL twin of {@link IndirectWalk}, built into the load engine's module (registers {@code ind_*}). */
final class IndirectWalkRtl {
    static final int IDX_REQ = 0;
    static final int IDX_WAIT = 1;
    static final int SETUP = 2;
    static final int LOAD = 3;
    static final int DONE = 4;
    private static final int W = BurstIssuerRtl.COUNT_BITS;

    private final ModuleBuilder b;
    private final int portBytes;
    private final int lanes;
    private final UInt state;
    private final Bool idxValid;
    private final UInt nextRow;
    private final UInt rowsToIssue;
    private final UInt lane;
    private final UInt rowOffset;
    private final UInt src;
    private final UInt srcStride;
    private final UInt index;
    private final UInt chunkLeft;
    private final Bits idxBeat;

    IndirectWalkRtl(ModuleBuilder b, int portBytes) {
        this.b = b;
        this.portBytes = portBytes;
        this.lanes = portBytes / 4;
        state = b.reg("ind_state", UInt.type(3), DONE);
        idxValid = b.reg("ind_idx_valid", Bool.type(), 0);
        nextRow = b.reg("ind_next_row", UInt.type(W), 0);
        rowsToIssue = b.reg("ind_rows_to_issue", UInt.type(W), 0);
        lane = b.reg("ind_lane", UInt.type(bitsFor(lanes)), 0);
        rowOffset = b.reg("ind_row_offset", UInt.type(W), 0);
        src = b.reg("ind_src", UInt.type(W), 0);
        srcStride = b.reg("ind_src_stride", UInt.type(W), 0);
        index = b.reg("ind_index", UInt.type(W), 0);
        chunkLeft = b.reg("ind_chunk_left", UInt.type(W), 0);
        idxBeat = b.reg("ind_idx_beat", Bits.type(portBytes * 8), 0);
    }

    /** The index entry of {@code row} sits in lane firstLane(row) of its port word. */
    private UInt firstLane(UInt row) {
        UInt at = index.addWrap(row.shl(2).resize(W));
        return at.slice(log2(portBytes) - 1, 2).resize(lane.width());
    }

    Bool expectsIndex(UInt rowsLeft) {
        return chunkLeft.eq(0).and(rowsLeft.ne(0));
    }

    void start(Bool cond, UInt rows, UInt newSrc, UInt newStride, UInt newIndex) {
        b.when(cond, () -> {
            src.set(newSrc);
            srcStride.set(newStride);
            index.set(newIndex);
            nextRow.set(0);
            rowsToIssue.set(rows);
            chunkLeft.set(0);
            idxValid.set(Bool.FALSE);
            state.set(rows.ne(0).select(u(IDX_REQ, 3), u(DONE, 3)));
        });
    }

    /** R side: the index beat arrived ({@code cond}), the chunk starts at row {@code rowsDone}. */
    void indexBeat(Bool cond, Bits data, UInt rowsDone, UInt rowsLeft) {
        UInt room = u(lanes, W).subWrap(firstLane(rowsDone).resize(W));
        b.when(cond, () -> {
            idxBeat.set(data);
            idxValid.set(Bool.TRUE);
            chunkLeft.set(min(room, rowsLeft));
        });
    }

    void rowReceived(Bool cond) {
        b.when(cond, () -> chunkLeft.set(chunkLeft.subWrap(1)));
    }

    /** Conditions under which the AR side reloads the port's issuer this cycle. */
    record Loads(Bool index, Bool row, UInt indexOffset, UInt rowOffset) {
    }

    /** The AR side's next state (call before {@link #indexBeat}); the caller performs the issuer loads. */
    Loads tick(Bool active, Bool issuerIdle) {
        Bool inIdxReq = b.named("ind_in_idx_req", active.and(state.eq(IDX_REQ)));
        Bool inWait = b.named("ind_in_wait", active.and(state.eq(IDX_WAIT)));
        Bool inSetup = b.named("ind_in_setup", active.and(state.eq(SETUP)));
        Bool inLoad = b.named("ind_in_load", active.and(state.eq(LOAD)));
        Bool loadIndex = b.named("ind_load_index", inIdxReq.and(issuerIdle));
        Bool loadRow = b.named("ind_load_row", inLoad.and(issuerIdle));
        UInt idxOffset = b.named("ind_index_offset", index.addWrap(nextRow.shl(2).resize(W))
                .and(u(0xFFFF_FFFFL & -portBytes, W)));
        b.when(loadIndex, () -> state.set(IDX_WAIT));
        b.when(inWait.and(idxValid), () -> {
            idxValid.set(Bool.FALSE);
            lane.set(firstLane(nextRow));
            state.set(SETUP);
        });
        List<UInt> idx = new ArrayList<>();
        for (int l = 0; l < lanes; l++) {
            idx.add(idxBeat.slice(32 * l + 31, 32 * l).asUInt());
        }
        UInt value = b.named("ind_index_value", new Vec<>(idx).read(lane));
        b.when(inSetup, () -> {
            rowOffset.set(src.addWrap(value.mulWrap(srcStride)));
            state.set(LOAD);
        });
        b.when(loadRow, () -> {
            nextRow.set(nextRow.addWrap(1));
            rowsToIssue.set(rowsToIssue.subWrap(1));
            lane.set(lane.addWrap(1));
            state.set(rowsToIssue.eq(1).select(u(DONE, 3), lane.eq(lanes - 1).select(u(IDX_REQ, 3), u(SETUP, 3))));
        });
        return new Loads(loadIndex, loadRow, idxOffset, rowOffset);
    }
}
