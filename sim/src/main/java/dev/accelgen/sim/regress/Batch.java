package dev.accelgen.sim.regress;

import java.util.List;

/**
 * Cases of one type and group that run together (one Verilator build), with their estimated seconds. The id
 * ({@code s2of4/unit-random/mixpe/1}) is unique across the shards of a run.
 */
public record Batch(String id, CaseType<?> type, List<PlannedCase> cases, double estimatedSeconds) {
    public Batch {
        cases = List.copyOf(cases);
    }

    public String group() {
        return cases.get(0).group();
    }

    /** Runs the batch through its type (type-safe: the type made every case). */
    public BatchOutcome run(RunContext context) {
        return runAs(type, cases, context);
    }

    /** Runs one of this batch's cases alone, as a batch of its own. */
    public static BatchOutcome runAlone(PlannedCase c, RunContext context) {
        return runAs(c.type(), List.of(c), context);
    }

    private static <C extends RegressCase> BatchOutcome runAs(CaseType<C> t, List<PlannedCase> cases, RunContext context) {
        BatchOutcome out = t.run(cases.stream().map(p -> t.caseClass().cast(p.regressCase())).toList(), context);
        if (out.verdicts().size() != cases.size()) {
            throw new IllegalStateException("case type " + t.name() + " returned " + out.verdicts().size()
                    + " verdicts for a batch of " + cases.size());
        }
        return out;
    }
}
