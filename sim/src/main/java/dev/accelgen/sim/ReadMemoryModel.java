package dev.accelgen.sim;

import dev.accelgen.sim.stress.ChannelSeeds;
import dev.accelgen.sim.stress.LatencyRange;
import dev.accelgen.sim.stress.SplitMix64;
import dev.accelgen.sim.stress.StallSchedule;
import java.math.BigInteger;
import java.util.ArrayDeque;

/**
 * Cycle timing of an AXI4-style read memory, identical to the Verilator harness's (harness_memory.h,
 * struct ReadMemory) and the cocotb bench's, so golden models predict RTL cycles exactly.
 *
 * <p>Rules: AR ready follows the memory's address-stall pattern ({@link StallSchedule}, channel
 * {@value ChannelSeeds#AR}). A request (byte address A, len L) accepted in cycle a draws its latency
 * lat from the image's range (channel {@value ChannelSeeds#R_LATENCY}, in acceptance order), takes
 * L+1 words floor(A / dataBytes) + k from the contents as they are in cycle a (writes accepted in
 * cycle a included), the last flagged {@code last}. Beats of all requests leave in order over one
 * data channel. With D = ceil(dataBytes / bytesPerCycle), the head beat is valid from
 * max(a + lat, p + D), p the cycle the previous beat (of any request) was accepted, and stays valid
 * until accepted (r_valid && r_ready).
 *
 * <p>Use per cycle c, in this order: {@link #beatAt}(c) and {@link #arReady}(c) for what the unit
 * sees in c; {@link #acceptBeat}(c) if its r_ready was high with a beat; {@link #request}(c, ...) if
 * ar_valid and ar_ready were both high.
 */
public final class ReadMemoryModel {
    /** One R beat: data word and the last flag. */
    public record RBeat(BigInteger data, boolean last) {
    }

    private record Queued(long earliest, BigInteger data, boolean last) {
    }

    private final MemoryContents contents;
    private final LatencyRange latency;
    private final long beatCycles;
    private final StallSchedule arReady;
    private final SplitMix64 latencyDraws;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private long lastAccept = Long.MIN_VALUE / 4;

    /** A model over {@code contents} with the image's timing and the given channel seeds. */
    public ReadMemoryModel(MemoryImage image, MemoryContents contents, ChannelSeeds seeds) {
        this.contents = contents;
        this.latency = image.latency();
        this.beatCycles = image.beatCycles(contents.dataBytes());
        this.arReady = new StallSchedule(image.addressStalls(), seeds.seed(image.memory(), ChannelSeeds.AR));
        this.latencyDraws = new SplitMix64(seeds.seed(image.memory(), ChannelSeeds.R_LATENCY));
    }

    /** The read memory {@code memory} of a unit run on {@code stimulus} (its own contents, nothing written). */
    public static ReadMemoryModel of(Stimulus stimulus, String memory, int dataBytes) {
        MemoryImage image = stimulus.memory(memory);
        return new ReadMemoryModel(image, new MemoryContents(dataBytes, image.words()), ChannelSeeds.of(stimulus.seed()));
    }

    /** Cycles one beat occupies the data channel: ceil(dataBytes / bytesPerCycle). */
    public long beatCycles() {
        return beatCycles;
    }

    /** Whether ar_ready is high in {@code cycle}. */
    public boolean arReady(long cycle) {
        return arReady.ready(cycle);
    }

    /** An AR request was accepted in {@code cycle} (ar_valid and ar_ready high). */
    public void request(long cycle, long byteAddress, int len) {
        if (len < 0 || len > 65535) {
            throw new IllegalArgumentException("len must be in 0..65535, got " + len);
        }
        if (!arReady(cycle)) {
            throw new IllegalStateException("AR request in cycle " + cycle + " while ar_ready is low");
        }
        long earliest = cycle + latency.draw(latencyDraws);
        long first = Long.divideUnsigned(byteAddress, contents.dataBytes());
        for (int k = 0; k <= len; k++) {
            queue.addLast(new Queued(earliest, contents.word(first + k), k == len));
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
