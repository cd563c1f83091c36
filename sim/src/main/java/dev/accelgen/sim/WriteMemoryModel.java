package dev.accelgen.sim;

import dev.accelgen.sim.stress.ChannelSeeds;
import dev.accelgen.sim.stress.LatencyRange;
import dev.accelgen.sim.stress.SplitMix64;
import dev.accelgen.sim.stress.StallSchedule;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Cycle timing of an AXI4-style write memory, identical to the Verilator harness's (harness_memory.h,
 * struct WriteMemory) and the cocotb bench's.
 *
 * <p>Rules: AW ready follows the address-stall pattern (channel {@value ChannelSeeds#AW}); an AW
 * accepted in cycle a queues a burst of len+1 beats for words floor(A / dataBytes) + k. W ready is
 * high in cycle c when a queued burst was accepted before c, c >= p + D (p the previous W
 * acceptance, D = ceil(dataBytes / bytesPerCycle)) and the write-stall pattern (channel
 * {@value ChannelSeeds#W}) is ready in c. An accepted W beat writes its strobed bytes into the
 * contents at once (a read accepted in the same cycle sees them); w_last must be high exactly on a
 * burst's last beat. After the last beat (cycle l) the burst's B response is valid from l + lat
 * (lat drawn from the image's range, channel {@value ChannelSeeds#B_LATENCY}), responses in order,
 * each held until b_ready. A master must wait for B before it reads what it wrote.
 *
 * <p>Use per cycle c: {@link #awReady}, {@link #wReady}, {@link #bValid} for what the unit sees; then
 * {@link #acceptData}, {@link #address}, {@link #acceptResponse} for the handshakes that happened.
 * Every handshake is recorded in {@link #events()} for the golden trace.
 */
public final class WriteMemoryModel {
    private static final class Burst {
        final long acceptedAt;
        final long firstWord;
        final int len;
        int done;

        Burst(long acceptedAt, long firstWord, int len) {
            this.acceptedAt = acceptedAt;
            this.firstWord = firstWord;
            this.len = len;
        }
    }

    private final String memory;
    private final MemoryContents contents;
    private final LatencyRange latency;
    private final long beatCycles;
    private final StallSchedule awReady;
    private final StallSchedule wStalls;
    private final SplitMix64 latencyDraws;
    private final ArrayDeque<Burst> bursts = new ArrayDeque<>();
    private final ArrayDeque<Long> responses = new ArrayDeque<>();
    private final List<WriteEvent> events = new ArrayList<>();
    private long lastW = Long.MIN_VALUE / 4;

    public WriteMemoryModel(MemoryImage image, MemoryContents contents, ChannelSeeds seeds) {
        this.memory = image.memory();
        this.contents = contents;
        this.latency = image.latency();
        this.beatCycles = image.beatCycles(contents.dataBytes());
        this.awReady = new StallSchedule(image.addressStalls(), seeds.seed(memory, ChannelSeeds.AW));
        this.wStalls = new StallSchedule(image.writeStalls(), seeds.seed(memory, ChannelSeeds.W));
        this.latencyDraws = new SplitMix64(seeds.seed(memory, ChannelSeeds.B_LATENCY));
    }

    public boolean awReady(long cycle) {
        return awReady.ready(cycle);
    }

    /** An AW request was accepted in {@code cycle}. */
    public void address(long cycle, long byteAddress, int len) {
        if (len < 0 || len > 65535) {
            throw new IllegalArgumentException("len must be in 0..65535, got " + len);
        }
        if (!awReady(cycle)) {
            throw new IllegalStateException("AW request in cycle " + cycle + " while aw_ready is low");
        }
        bursts.addLast(new Burst(cycle, Long.divideUnsigned(byteAddress, contents.dataBytes()), len));
        events.add(new WriteEvent.Address(cycle, memory, byteAddress, len));
    }

    public boolean wReady(long cycle) {
        Burst head = bursts.peekFirst();
        return head != null && head.acceptedAt < cycle && cycle >= lastW + beatCycles && wStalls.ready(cycle);
    }

    /** A W beat was accepted in {@code cycle}. */
    public void acceptData(long cycle, BigInteger data, BigInteger strobe, boolean last) {
        if (!wReady(cycle)) {
            throw new IllegalStateException("W beat in cycle " + cycle + " while w_ready is low");
        }
        Burst b = bursts.peekFirst();
        if (last != (b.done == b.len)) {
            throw new IllegalStateException("W beat " + b.done + " of a " + (b.len + 1) + "-beat burst in cycle " + cycle
                    + " has w_last " + (last ? 1 : 0));
        }
        long word = b.firstWord + b.done;
        contents.write(word, data, strobe);
        events.add(new WriteEvent.Data(cycle, memory, word * contents.dataBytes(), data, strobe));
        lastW = cycle;
        if (b.done++ == b.len) {
            bursts.removeFirst();
            responses.addLast(cycle + latency.draw(latencyDraws));
        }
    }

    public boolean bValid(long cycle) {
        Long head = responses.peekFirst();
        return head != null && cycle >= head;
    }

    /** The unit took the B response shown in {@code cycle}. */
    public void acceptResponse(long cycle) {
        if (!bValid(cycle)) {
            throw new IllegalStateException("no B response is valid in cycle " + cycle);
        }
        responses.removeFirst();
        events.add(new WriteEvent.Response(cycle, memory));
    }

    /** No burst waits for data and no response is pending. */
    public boolean idle() {
        return bursts.isEmpty() && responses.isEmpty();
    }

    /** Every AW, W and B handshake so far, in the order they happened. */
    public List<WriteEvent> events() {
        return List.copyOf(events);
    }
}
