package dev.accelgen.pe.accel.dma;

/**
 * The address side of one AXI channel (AR or AW) in the cycle model: walks {@code rows} rows of
 * {@code rowBeats} beats, row r at byte address {@code base + (offset + r * stride mod 2^32)}, one burst per
 * cycle at most, each as long as {@link Bursts#beats} allows, with at most {@code maxOutstanding} bursts in
 * flight (issued and not yet retired by the data side). The RTL twin is {@code BurstIssuerRtl}.
 */
public final class BurstIssuer {
    private final int portBytes;
    private final int maxBurst;
    private final int maxOutstanding;
    private long base;
    private int offset;
    private int stride;
    private long rowBeats;
    private long rowBeatsLeft;
    private long rowsLeft;
    private long addr;
    private int inFlight;

    public BurstIssuer(int portBytes, int maxBurst, int maxOutstanding) {
        this.portBytes = portBytes;
        this.maxBurst = maxBurst;
        this.maxOutstanding = maxOutstanding;
    }

    /** Starts a walk (the issuer must be done with the previous one; bursts in flight are kept). */
    public void load(long base, int offset, int stride, long rowBeats, long rows) {
        this.base = base;
        this.offset = offset;
        this.stride = stride;
        this.rowBeats = rowBeats;
        this.rowBeatsLeft = rowBeats;
        this.rowsLeft = rows;
        this.addr = base + (offset & 0xFFFF_FFFFL);
    }

    public boolean valid() {
        return rowsLeft > 0 && inFlight < maxOutstanding;
    }

    public long addr() {
        return addr;
    }

    /** The AXI length field (beats - 1) of the burst on offer. */
    public int len() {
        return Bursts.beats(addr, rowBeatsLeft, portBytes, maxBurst) - 1;
    }

    /** Every burst of the walk was issued. */
    public boolean issued() {
        return rowsLeft == 0;
    }

    public int inFlight() {
        return inFlight;
    }

    /** The clock edge: {@code fired} the burst on offer was accepted, {@code retired} a burst in flight completed. */
    public void tick(boolean fired, boolean retired) {
        if (fired) {
            int beats = len() + 1;
            if (beats == rowBeatsLeft) {
                rowsLeft--;
                offset += stride;
                addr = base + (offset & 0xFFFF_FFFFL);
                rowBeatsLeft = rowBeats;
            } else {
                addr += (long) beats * portBytes;
                rowBeatsLeft -= beats;
            }
        }
        inFlight += (fired ? 1 : 0) - (retired ? 1 : 0);
    }
}
