package dev.accelgen.pe.accel.dma;

/** AXI4 INCR burst splitting: a burst never crosses a 4 KB page and holds at most maxBurst beats. */
public final class Bursts {
    public static final int PAGE = 4096;

    private Bursts() {
    }

    /** Beats of the next burst at port-word-aligned {@code addr} with {@code left} (> 0) beats to go. */
    public static int beats(long addr, long left, int portBytes, int maxBurst) {
        long toPage = (PAGE - (addr & (PAGE - 1))) / portBytes;
        return (int) Math.min(Math.min(left, maxBurst), toPage);
    }
}
