package dev.accelgen.pe.accel.dma;

/**
 * The address side of an indirect ABUF load in the cycle model. Per chunk of rows whose int32 indices share one
 * port word: read that word (a one-beat burst at {@code (index + 4r)} rounded down to the port width), wait for
 * it, then per row of the chunk compute {@code src + idx[r] * srcStride} (32-bit wrap) in one cycle and hand the
 * row to the port's {@link BurstIssuer} once it issued the previous walk. The R side sees, in order, each
 * chunk's index beat and then its rows. Timing-only runs take idx[r] = r.
 */
final class IndirectWalk {
    enum State { IDX_REQ, IDX_WAIT, SETUP, LOAD, DONE }

    private final int portBytes;
    private final int lanesPerBeat;
    private final long[] idxBeat;
    State state = State.DONE;
    boolean idxValid;
    private long nextRow;
    private long rowsToIssue;
    private int lane;
    private int rowOffset;
    private int src;
    private int srcStride;
    private int index;
    private long chunkLeft;

    IndirectWalk(int portBytes) {
        this.portBytes = portBytes;
        this.lanesPerBeat = portBytes / 4;
        this.idxBeat = new long[portBytes / 8];
    }

    void start(long rows, int src, int srcStride, int index) {
        this.src = src;
        this.srcStride = srcStride;
        this.index = index;
        this.nextRow = 0;
        this.rowsToIssue = rows;
        this.chunkLeft = 0;
        this.idxValid = false;
        this.state = rows > 0 ? State.IDX_REQ : State.DONE;
    }

    private int firstLane(long row) {
        return (index + 4 * (int) row & portBytes - 1) >>> 2;
    }

    /** The next R beat is an index beat (R-side view). */
    boolean expectsIndex(long rowsLeft) {
        return chunkLeft == 0 && rowsLeft > 0;
    }

    /** R side: the index beat of the chunk starting at row {@code rowsDone} arrived. */
    void indexBeat(long[] data, long rowsDone, long rowsLeft) {
        System.arraycopy(data, 0, idxBeat, 0, idxBeat.length);
        idxValid = true;
        chunkLeft = Math.min(lanesPerBeat - firstLane(rowsDone), rowsLeft);
    }

    /** R side: a row of the current chunk arrived completely. */
    void rowReceived() {
        chunkLeft--;
    }

    /**
     * AR side clock edge, from the pre-edge values {@code idxValidNow} and {@code issuerIdle} (the issuer issued
     * its walk).
     */
    void tick(BurstIssuer issuer, long base, long beatsPerRow, boolean idxValidNow, boolean issuerIdle, boolean timing) {
        switch (state) {
            case IDX_REQ -> {
                if (issuerIdle) {
                    issuer.load(base, index + 4 * (int) nextRow & -portBytes, 0, 1, 1);
                    state = State.IDX_WAIT;
                }
            }
            case IDX_WAIT -> {
                if (idxValidNow) {
                    idxValid = false;
                    lane = firstLane(nextRow);
                    state = State.SETUP;
                }
            }
            case SETUP -> {
                int idx = timing ? (int) nextRow : Limbs.lane(idxBeat, 0, lane);
                rowOffset = src + idx * srcStride;
                state = State.LOAD;
            }
            case LOAD -> {
                if (issuerIdle) {
                    issuer.load(base, rowOffset, 0, beatsPerRow, 1);
                    nextRow++;
                    rowsToIssue--;
                    lane++;
                    state = rowsToIssue == 0 ? State.DONE : lane == lanesPerBeat ? State.IDX_REQ : State.SETUP;
                }
            }
            case DONE -> { }
        }
    }
}
