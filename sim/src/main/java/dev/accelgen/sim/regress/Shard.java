package dev.accelgen.sim.regress;

import dev.accelgen.errors.OptionError;

/**
 * Shard {@code index} of {@code count}, numbered from 1 like Slurm's {@code --array=1-N}: {@code --shard 1/4}
 * .. {@code --shard 4/4} together run every case exactly once.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);
    public static final int MAX_SHARDS = 10_000;

    public Shard {
        if (count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
            throw new OptionError("--shard", "must be I/N with 1 <= I <= N <= " + MAX_SHARDS + " (got " + index + "/" + count + ")");
        }
    }

    /** Parses {@code I/N}. */
    public static Shard parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,5}") || !parts[1].matches("[0-9]{1,5}")) {
            throw new OptionError("--shard", "must be I/N, e.g. 2/8 (got '" + text + "')");
        }
        return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
