package dev.accelgen.sim.stress;

import java.nio.charset.StandardCharsets;

/**
 * Where every random channel of a run gets its seed. A channel is named by its owner (a stream or memory
 * of the unit) and a tag ({@link #JUNK}, {@link #READY}, ...); its seed is the first SplitMix64 draw from
 * {@code stimulusSeed ^ fnv1a64(owner + "." + tag)}. Java computes the seeds and writes them into the
 * stimulus files, so the C++ and Python harnesses never derive one. A bundle maps its prefixed names back
 * to each unit's own seed and names, so a unit sees the same draws inside a bundle as alone.
 */
@FunctionalInterface
public interface ChannelSeeds {
    /** Junk on the idle data ports of an input stream. */
    String JUNK = "junk";
    /** The ready pattern of an output stream. */
    String READY = "ready";
    /** AR-ready stalls of a memory. */
    String AR = "ar";
    /** Latency draws of a memory's read requests. */
    String R_LATENCY = "r_latency";
    /** Junk on a memory's idle R data. */
    String R_JUNK = "r_junk";
    /** AW-ready stalls of a memory. */
    String AW = "aw";
    /** W-ready stalls of a memory. */
    String W = "w";
    /** Latency draws of a memory's write responses. */
    String B_LATENCY = "b_latency";

    long seed(String owner, String tag);

    static ChannelSeeds of(long stimulusSeed) {
        return (owner, tag) -> derive(stimulusSeed, owner, tag);
    }

    static long derive(long stimulusSeed, String owner, String tag) {
        return new SplitMix64(stimulusSeed ^ fnv1a64(owner + "." + tag)).next();
    }

    /** FNV-1a, 64 bits, over the UTF-8 bytes of {@code text}. */
    static long fnv1a64(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return h;
    }
}
