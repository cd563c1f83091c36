package dev.accelgen.sim;

import dev.accelgen.sim.stress.StallSchedule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Golden model and random stimulus of fixtures/dma/dma_copy.v: one state per cycle (IDLE, AR, R, AW, W,
 * B, DONE), each waiting for its handshake, on one {@link AxiMemoryModel} for memory {@code mem} and the
 * harness's ready pattern for stream {@code done}.
 */
public final class DmaGolden implements GoldenModel {
    private enum State { IDLE, AR, R, AW, W, B, DONE }

    @Override
    public Trace run(Stimulus s) {
        AxiMemoryModel mem = AxiMemoryModel.of(s, "mem", 4);
        StallSchedule doneReady = s.readySchedule("done");
        List<Beat> jobs = s.stream("job").beats();
        List<OutputEvent> events = new ArrayList<>();
        List<Acceptance> accepted = new ArrayList<>();
        State state = State.IDLE;
        Map<String, BigInteger> job = null;
        BigInteger[] buffer = new BigInteger[16];
        int cnt = 0;
        int next = 0;
        long presentAt = jobs.isEmpty() ? 0 : jobs.get(0).idleBefore();
        for (long c = 0; next < jobs.size() || state != State.IDLE; c++) {
            switch (state) {
                case IDLE -> {
                    if (c >= presentAt) {
                        job = jobs.get(next).values();
                        accepted.add(new Acceptance(c, "job", next));
                        next++;
                        presentAt = next < jobs.size() ? c + 1 + jobs.get(next).idleBefore() : Long.MAX_VALUE;
                        state = State.AR;
                    }
                }
                case AR -> {
                    if (mem.read().arReady(c)) {
                        mem.read().request(c, job.get("job_src").longValue(), job.get("job_len").intValue());
                        cnt = 0;
                        state = State.R;
                    }
                }
                case R -> {
                    ReadMemoryModel.RBeat beat = mem.read().beatAt(c);
                    if (beat != null) {
                        mem.read().acceptBeat(c);
                        buffer[cnt++] = beat.data();
                        state = beat.last() ? State.AW : State.R;
                    }
                }
                case AW -> {
                    if (mem.write().awReady(c)) {
                        mem.write().address(c, job.get("job_dst").longValue(), job.get("job_len").intValue());
                        cnt = 0;
                        state = State.W;
                    }
                }
                case W -> {
                    if (mem.write().wReady(c)) {
                        boolean last = cnt == job.get("job_len").intValue();
                        mem.write().acceptData(c, buffer[cnt++], job.get("job_strb"), last);
                        state = last ? State.B : State.W;
                    }
                }
                case B -> {
                    if (mem.write().bValid(c)) {
                        mem.write().acceptResponse(c);
                        state = State.DONE;
                    }
                }
                case DONE -> {
                    if (doneReady.ready(c)) {
                        events.add(new OutputEvent(c, "done", Map.of("done_dst", job.get("job_dst"))));
                        state = State.IDLE;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return Trace.of(events, accepted, mem.write().events());
    }

    /**
     * {@code jobs} copies of 1..16 words (byte addresses, not always word-aligned) over a 64-word image;
     * destinations reach past the image, and every third job copies from the previous job's destination,
     * so it reads what the memory was just written. Strobes are random, mostly all bytes.
     */
    public static Stimulus randomStimulus(int jobs, long seed) {
        Random rng = new Random(seed);
        List<BigInteger> image = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            image.add(BigInteger.valueOf(rng.nextLong() & 0xffffffffL));
        }
        List<Beat> beats = new ArrayList<>();
        int previousDst = 0;
        for (int j = 0; j < jobs; j++) {
            int src = j % 3 == 2 ? previousDst : rng.nextInt(64 * 4);
            int dst = rng.nextInt(96 * 4);
            int strb = rng.nextInt(3) == 0 ? 1 + rng.nextInt(15) : 0xf;
            beats.add(new Beat(rng.nextInt(4) == 0 ? rng.nextInt(5) : 0, Fixtures.values("job_src", src,
                    "job_dst", dst, "job_len", rng.nextInt(16), "job_strb", strb)));
            previousDst = dst;
        }
        return StressProfile.DEFAULT.apply(new Stimulus(List.of(new StreamStimulus("job", beats)), seed, Map.of(),
                List.of(new MemoryImage("mem", 4, 2, image))));
    }

    /**
     * What the copies leave in memory, worked out without any timing: each job in order copies its
     * words, strobed bytes only. The final value of every written word, by word index.
     */
    public static SortedMap<Long, BigInteger> copiedWords(Stimulus s) {
        List<BigInteger> image = s.memory("mem").words();
        TreeMap<Long, BigInteger> words = new TreeMap<>();
        for (Beat b : s.stream("job").beats()) {
            long src = b.values().get("job_src").longValue() / 4;
            long dst = b.values().get("job_dst").longValue() / 4;
            int strb = b.values().get("job_strb").intValue();
            List<BigInteger> read = new ArrayList<>();
            for (int k = 0; k <= b.values().get("job_len").intValue(); k++) {
                long i = src + k;
                read.add(words.getOrDefault(i, i < image.size() ? image.get((int) i) : BigInteger.ZERO));
            }
            for (int k = 0; k < read.size(); k++) {
                long i = dst + k;
                long old = words.getOrDefault(i, i < image.size() ? image.get((int) i) : BigInteger.ZERO).longValue();
                long mask = 0;
                for (int lane = 0; lane < 4; lane++) {
                    mask |= (strb >> lane & 1L) * (0xffL << 8 * lane);
                }
                words.put(i, BigInteger.valueOf(old & ~mask | read.get(k).longValue() & mask));
            }
        }
        return words;
    }
}
