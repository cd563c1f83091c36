package dev.accelgen.sim;

import java.math.BigInteger;
import java.util.ArrayDeque;

/**
 * Cycle timing of an AXI4-style read memory, identical to the Verilator harness's
 * (harness_runtime.h, struct ReadMemory), so golden models can predict RTL cycles exactly.
 *
 * <p>Rules: AR is always ready. A request (byte address A, len L) accepted in cycle a queues L+1
 * beats, word index floor(A / dataBytes) + k, the last one flagged {@code last}. Beats of all
 * requests leave in order over one data channel. With D = ceil(dataBytes / bytesPerCycle), the
 * head beat is valid from cycle max(a + latency, p + D), where p is the cycle the previous beat
 * (of any request) was accepted, and stays valid until accepted (r_valid && r_ready).
 *
 * <p>Use per cycle c, in this order: {@link #beatAt}(c) for what r_valid/r_data/r_last show in c;
 * {@link #acceptBeat}(c) if the requester's r_ready was high with it; {@link #request}(c, ...) if
 * ar_valid was high in c.
 */
public final class ReadMemoryModel {
    /** One R beat: data word and the last flag. */
    public record RBeat(BigInteger data, boolean last) {
    }

    private record Queued(long earliest, BigInteger data, boolean last) {
    }

    private final MemoryImage image;
    private final int dataBytes;
    private final long beatCycles;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private long lastAccept = Long.MIN_VALUE / 4;

    public ReadMemoryModel(int dataBytes, MemoryImage image) {
        if (dataBytes < 1 || Integer.bitCount(dataBytes) != 1) {
            throw new IllegalArgumentException("dataBytes must be a power of two >= 1, got " + dataBytes);
        }
        this.image = image;
        this.dataBytes = dataBytes;
        this.beatCycles = Math.max(1, (dataBytes + image.bytesPerCycle() - 1) / image.bytesPerCycle());
    }

    /** Cycles one beat occupies the data channel: ceil(dataBytes / bytesPerCycle). */
    public long beatCycles() {
        return beatCycles;
    }

    /** An AR request was accepted in {@code cycle}. */
    public void request(long cycle, long byteAddress, int len) {
        if (len < 0 || len > 65535) {
            throw new IllegalArgumentException("len must be in 0..65535, got " + len);
        }
        long first = Long.divideUnsigned(byteAddress, dataBytes);
        for (int k = 0; k <= len; k++) {
            long index = first + k;
            BigInteger data = index >= 0 && index < image.words().size() ? image.words().get((int) index) : BigInteger.ZERO;
            queue.addLast(new Queued(cycle + image.latency(), data, k == len));
        }
    }

    /** The beat shown in {@code cycle} (r_valid high), or null when r_valid is low. */
    public RBeat beatAt(long cycle) {
        Queued head = queue.peekFirst();
        if (head == null || cycle < Math.max(head.earliest(), lastAccept + beatCycles)) {
            return null;
        }
        return new RBeat(head.data(), head.last());
    }

    /** The requester took the beat shown in {@code cycle}. */
    public void acceptBeat(long cycle) {
        if (beatAt(cycle) == null) {
            throw new IllegalStateException("no R beat is valid in cycle " + cycle);
        }
        queue.removeFirst();
        lastAccept = cycle;
    }

    /** No beats are queued. */
    public boolean idle() {
        return queue.isEmpty();
    }
}
