package dev.accelgen.sim.regress;

import dev.accelgen.sim.progress.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a suite would take, from the cost model: cases, batches and estimated single-core seconds (per group and
 * in total), and the wall time on N nodes, each node running one shard with {@code jobs} builds at a time.
 */
public record Plan(Suite suite, CostModel model, int cases, int batches, double cpuSeconds, Map<String, double[]> groups,
                   int jobs, List<NodeEstimate> nodes) {
    /** On {@code nodes} nodes: the wall time (the slowest shard's estimate) and the fastest shard's estimate. */
    public record NodeEstimate(int nodes, double wallSeconds, double idlestSeconds) {
    }

    public static Plan of(Suite suite, List<PlannedCase> all, Estimates estimates, int jobs, List<Integer> nodeCounts) {
        List<Batch> batches = Batches.plan("", all, estimates);
        Map<String, double[]> groups = new LinkedHashMap<>();
        for (PlannedCase c : all) {
            double[] g = groups.computeIfAbsent(c.group(), k -> new double[2]);
            g[0]++;
            g[1] += estimates.seconds(c);
        }
        List<NodeEstimate> nodes = new ArrayList<>();
        for (int n : nodeCounts) {
            double max = 0;
            double min = Double.MAX_VALUE;
            for (List<PlannedCase> shard : Sharder.partition(all, estimates, n)) {
                double wall = Schedule.makespan(Batches.plan("", shard, estimates), jobs);
                max = Math.max(max, wall);
                min = Math.min(min, wall);
            }
            nodes.add(new NodeEstimate(n, max, min));
        }
        double cpu = batches.stream().mapToDouble(Batch::estimatedSeconds).sum();
        return new Plan(suite, estimates.model(), all.size(), batches.size(), cpu, groups, jobs, nodes);
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("suite " + suite.name() + " (hash " + suite.shortHash() + "): " + cases + " cases in " + batches
                + " batches, estimated " + Durations.format(cpuSeconds) + " of single-core time (cold Verilator builds)");
        out.add(String.format(Locale.ROOT, "  %-12s %6s %10s %9s", "group", "cases", "CPU", "per case"));
        groups.forEach((g, v) -> out.add(String.format(Locale.ROOT, "  %-12s %6d %10s %8.1fs", g, (long) v[0],
                Durations.format(v[1]), v[1] / v[0])));
        out.add("wall time, one shard per node, --jobs " + jobs + " on each:");
        for (NodeEstimate n : nodes) {
            out.add(String.format(Locale.ROOT, "  %3d node%s %10s   (least loaded node %s)", n.nodes(), n.nodes() == 1 ? " " : "s",
                    Durations.format(n.wallSeconds()), Durations.format(n.idlestSeconds())));
        }
        out.add(String.format(Locale.ROOT, "cost model: batch = %.2f s + its cases; case = %.3f s + %.4f s/KB of RTL"
                        + " + %.3f s per KB x Mcycle simulated", model.batchSeconds(), model.caseSeconds(),
                model.buildSecondsPerKByte(), model.simSecondsPerKByteMCycle()));
        return out;
    }
}
