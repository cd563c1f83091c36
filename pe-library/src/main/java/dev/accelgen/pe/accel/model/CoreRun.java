package dev.accelgen.pe.accel.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one verification run drives into a core: per port its memory image (byte 0 at the port's base)
 * and timing, the program's byte offset on port 0 (a multiple of 128), the start beats (memory persists
 * between them) and the seed of the memories' random draws (stalls, latencies). The base addresses are 0
 * (each port's image starts at address 0 of its memory).
 */
public record CoreRun(List<byte[]> images, List<PortTiming> timing, int progOffset, List<StartBeat> starts, long seed,
                      long maxCycles) {
    public CoreRun {
        images = List.copyOf(images);
        timing = List.copyOf(timing);
        starts = List.copyOf(starts);
        if (images.size() != timing.size()) {
            throw new IllegalArgumentException("one timing per port image: " + images.size() + " images, "
                    + timing.size() + " timings");
        }
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one start beat");
        }
        if (progOffset < 0 || progOffset % 128 != 0) {
            throw new IllegalArgumentException("progOffset must be a non-negative multiple of 128, got " + progOffset);
        }
    }

    /** Every port with the same timing. */
    public static CoreRun of(List<byte[]> images, PortTiming timing, int progOffset, List<StartBeat> starts) {
        List<PortTiming> t = new ArrayList<>();
        images.forEach(i -> t.add(timing));
        return new CoreRun(images, t, progOffset, starts, 0, 50_000_000L);
    }

    public CoreRun withMaxCycles(long max) {
        return new CoreRun(images, timing, progOffset, starts, seed, max);
    }
}
