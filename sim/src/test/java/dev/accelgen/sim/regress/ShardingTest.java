package dev.accelgen.sim.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shards hold every case once, are balanced by estimated cost and are the same in every process. */
class ShardingTest {
    private static final Suite SUITE = SuiteReader.parse("""
            {"suite": "many", "cases": [
              {"type": "scripted", "group": "alpha", "count": 40},
              {"type": "scripted", "group": "beta", "count": 17},
              {"type": "scripted", "group": "gamma", "count": 3}]}""", "many.json", "/many.json");
    /** A model whose case cost is 1 s per 10 KB (10, 20 or 30 KB here) and a batch overhead of 2 s. */
    private static final CostModel MODEL = new CostModel(2, 0, 0.1, 0);

    private final List<PlannedCase> cases = ScriptedCaseType.types(Path.of("unused"), 5).expand(SUITE);
    private final Estimates estimates = Estimates.of(cases, MODEL);

    @Test
    void everyCaseIsInExactlyOneShard() {
        for (int n = 1; n <= 70; n++) {
            List<String> ids = new ArrayList<>();
            Sharder.partition(cases, estimates, n).forEach(s -> s.forEach(c -> ids.add(c.id())));
            assertEquals(cases.stream().map(PlannedCase::id).sorted().toList(), ids.stream().sorted().toList(), "n=" + n);
        }
    }

    @Test
    void shardsAreBalancedByEstimatedCostNotByCount() {
        for (int n : new int[] {2, 3, 4, 8}) {
            List<Double> loads = Sharder.partition(cases, estimates, n).stream()
                    .map(s -> Batches.plan("", s, estimates).stream().mapToDouble(Batch::estimatedSeconds).sum()).toList();
            double spread = loads.stream().max(Comparator.naturalOrder()).orElseThrow() - loads.stream().min(Comparator.naturalOrder()).orElseThrow();
            // Greedy longest-first: no shard exceeds another by more than one case (3 s) and one batch overhead (2 s).
            assertTrue(spread <= 5.0, "n=" + n + " loads " + loads);
        }
        // Cases: alpha 14 x 1 s + 13 x 2 s + 13 x 3 s = 79 s, beta 6 + 12 + 15 = 33 s, gamma 6 s: 118 s. Split in
        // two, alpha needs 4 + 4 batches, beta 2 + 2, gamma 1 + 1: 13 batch overheads of 2 s, 144 s in all.
        List<Double> two = Sharder.partition(cases, estimates, 2).stream().map(s -> Batches.plan("", s, estimates).stream()
                .mapToDouble(Batch::estimatedSeconds).sum()).toList();
        assertEquals(144.0, two.get(0) + two.get(1), 1e-9);
        assertTrue(Math.abs(two.get(0) - two.get(1)) <= 3, two.toString());
    }

    @Test
    void thePartitionDependsOnTheSuiteOnly() {
        List<PlannedCase> again = ScriptedCaseType.types(Path.of("elsewhere"), 5).expand(SUITE);
        assertEquals(ids(Sharder.partition(cases, estimates, 7)), ids(Sharder.partition(again, Estimates.of(again, MODEL), 7)));
        assertEquals(ids(List.of(Sharder.select(cases, estimates, new Shard(3, 7)))), List.of(ids(Sharder.partition(cases, estimates, 7)).get(2)));
    }

    @Test
    void batchesKeepGroupsApartAndHonourTheLimit() {
        List<Batch> batches = Batches.plan("p/", cases, estimates);
        assertEquals(8 + 4 + 1, batches.size()); // 40, 17 and 3 cases, at most 5 per batch
        for (Batch b : batches) {
            assertTrue(b.cases().size() <= 5 && b.cases().stream().allMatch(c -> c.group().equals(b.group())), b.id());
        }
        assertEquals("p/scripted/beta/0", batches.stream().filter(b -> b.group().equals("beta")).map(Batch::id).sorted().findFirst().orElseThrow());
        assertEquals(List.of(4, 4, 4, 5), batches.stream().filter(b -> b.group().equals("beta")).map(b -> b.cases().size()).sorted().toList());
        assertEquals(Batches.plan("p/", cases, estimates).stream().map(Batch::id).toList(), batches.stream().map(Batch::id).toList());
    }

    @Test
    void makespanSchedulesLargestFirstOnTheFirstFreeWorker() {
        List<Batch> batches = Batches.plan("", cases, estimates);
        double total = batches.stream().mapToDouble(Batch::estimatedSeconds).sum();
        assertEquals(total, Schedule.makespan(batches, 1), 1e-9);
        assertTrue(Schedule.makespan(batches, 2) >= total / 2 && Schedule.makespan(batches, 2) < total / 2 + 10);
        assertEquals(batches.get(0).estimatedSeconds(), Schedule.makespan(batches, 100), 1e-9);
    }

    private static List<List<String>> ids(List<List<PlannedCase>> shards) {
        return shards.stream().map(s -> s.stream().map(PlannedCase::id).toList()).toList();
    }
}
