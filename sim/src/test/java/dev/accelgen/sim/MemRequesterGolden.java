package dev.accelgen.sim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Golden model and random stimulus of fixtures/memreq/mem_requester.v, built on ReadMemoryModel. */
public final class MemRequesterGolden {
    private MemRequesterGolden() {
    }

    /** Golden model of fixtures/memreq/mem_requester.v (req_ready is m_ar_ready) built on ReadMemoryModel. */
    public static Trace requesterGolden(Stimulus s) {
        ReadMemoryModel mem = ReadMemoryModel.of(s, "m", 4);
        List<Beat> reqs = s.stream("req").beats();
        List<OutputEvent> events = new ArrayList<>();
        List<Acceptance> accepted = new ArrayList<>();
        int next = 0;
        long presentAt = reqs.isEmpty() ? 0 : reqs.get(0).idleBefore();
        for (long c = 0; next < reqs.size() || !mem.idle(); c++) {
            ReadMemoryModel.RBeat b = mem.beatAt(c);
            boolean rReady = c % 8 != 3 && c % 8 != 6;
            if (b != null && rReady) {
                events.add(new OutputEvent(c, "beat", Fixtures.values("beat_data", b.data(), "beat_last", b.last() ? 1 : 0)));
                mem.acceptBeat(c);
            }
            if (next < reqs.size() && c >= presentAt && mem.arReady(c)) {
                Beat r = reqs.get(next);
                accepted.add(new Acceptance(c, "req", next));
                mem.request(c, r.values().get("req_addr").longValue(), r.values().get("req_len").intValue());
                next++;
                if (next < reqs.size()) {
                    presentAt = c + 1 + reqs.get(next).idleBefore();
                }
            }
        }
        return Trace.of(events, accepted);
    }

    public static Stimulus randomRequests(long seed) {
        Random rng = new Random(seed);
        int latency = 1 + rng.nextInt(6);
        int bytesPerCycle = new int[] {1, 2, 3, 4, 8}[rng.nextInt(5)];
        List<BigInteger> image = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            image.add(BigInteger.valueOf(rng.nextLong() & 0xffffffffL));
        }
        List<Beat> reqs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            reqs.add(new Beat(rng.nextInt(3) == 0 ? rng.nextInt(6) : 0,
                    Fixtures.values("req_addr", rng.nextInt(80 * 4), "req_len", rng.nextInt(6))));
        }
        return StressProfile.DEFAULT.apply(new Stimulus(List.of(new StreamStimulus("req", reqs)), seed, Map.of(),
                List.of(new MemoryImage("m", latency, bytesPerCycle, image))));
    }
}
