package dev.accelgen.sim.regress;

import java.util.List;

/**
 * {@code <out>/partition-<N>.json}: the case ids of each of N shards, as {@link Sharder} computed them when the
 * Slurm scripts were written. A shard task that finds it (same suite hash) takes its cases from it instead of
 * estimating every case of the suite again, which for hundreds of cases costs each task half a minute.
 */
public record Partition(String suiteHash, int shards, List<List<String>> caseIds) {
    public Partition {
        caseIds = caseIds.stream().map(List::copyOf).toList();
        if (caseIds.size() != shards) {
            throw new IllegalArgumentException("a partition into " + shards + " shards needs " + shards + " id lists");
        }
    }

    public static Partition of(Suite suite, List<List<PlannedCase>> shards) {
        return new Partition(suite.hash(), shards.size(), shards.stream().map(s -> s.stream().map(PlannedCase::id).toList()).toList());
    }

    public static String fileName(int shards) {
        return "partition-" + shards + ".json";
    }
}
