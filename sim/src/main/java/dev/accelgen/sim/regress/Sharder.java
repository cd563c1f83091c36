package dev.accelgen.sim.regress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a suite's cases into N shards of balanced estimated cost. Greedy longest-first: cases in order of
 * decreasing estimate (ties by suite order) each go to the shard whose total stays lowest, counting a batch's
 * fixed cost whenever the case opens a new batch in that shard. Deterministic: every shard task of a job array
 * computes the same partition on its own, and the N shards hold every case exactly once.
 */
public final class Sharder {
    private Sharder() {
    }

    public static List<List<PlannedCase>> partition(List<PlannedCase> cases, Estimates estimates, int shards) {
        List<List<PlannedCase>> out = new ArrayList<>();
        List<Map<String, Integer>> groupCounts = new ArrayList<>();
        double[] load = new double[shards];
        for (int s = 0; s < shards; s++) {
            out.add(new ArrayList<>());
            groupCounts.add(new HashMap<>());
        }
        List<PlannedCase> order = new ArrayList<>(cases);
        order.sort(Comparator.comparingDouble(estimates::seconds).reversed().thenComparingInt(PlannedCase::order));
        for (PlannedCase c : order) {
            String key = Batches.key(c);
            int best = -1;
            double bestLoad = Double.MAX_VALUE;
            for (int s = 0; s < shards; s++) {
                boolean opensBatch = groupCounts.get(s).getOrDefault(key, 0) % c.type().batchLimit() == 0;
                double after = load[s] + estimates.seconds(c) + (opensBatch ? estimates.model().batchSeconds() : 0);
                if (after < bestLoad) {
                    bestLoad = after;
                    best = s;
                }
            }
            out.get(best).add(c);
            groupCounts.get(best).merge(key, 1, Integer::sum);
            load[best] = bestLoad;
        }
        for (List<PlannedCase> shard : out) {
            shard.sort(Comparator.comparingInt(PlannedCase::order));
        }
        return out;
    }

    /** The cases of one shard. */
    public static List<PlannedCase> select(List<PlannedCase> cases, Estimates estimates, Shard shard) {
        return shard.count() == 1 ? cases : partition(cases, estimates, shard.count()).get(shard.index() - 1);
    }
}
