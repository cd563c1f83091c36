package dev.accelgen.sim.regress;

import java.util.List;

/**
 * {@code <out>/shard-<I>-of-<N>.json}: which suite a shard ran and which cases it owns, written when the shard
 * starts and again, with {@code finished} set, when it ends. {@code regress merge} uses these to report
 * missing shards, unfinished and duplicated cases.
 */
public record ShardManifest(String format, String suite, String ref, String suiteHash, int shard, int shards,
                            int suiteCases, List<OwnedCase> cases, String started, String finished) {
    public static final String FORMAT = "accelgen-regress-shard 1";

    /** A case the shard owns: its id, group and position in the suite. */
    public record OwnedCase(String id, String group, int order) {
    }

    public ShardManifest {
        cases = List.copyOf(cases);
    }

    public String fileName() {
        return fileName(new Shard(shard, shards));
    }

    public static String fileName(Shard s) {
        return "shard-" + s.index() + "-of-" + s.count() + ".json";
    }

    public ShardManifest finishedAt(String time) {
        return new ShardManifest(format, suite, ref, suiteHash, shard, shards, suiteCases, cases, started, time);
    }
}
