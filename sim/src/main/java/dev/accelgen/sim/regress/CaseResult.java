package dev.accelgen.sim.regress;

/**
 * The stored result of one case ({@code <out>/results/<id with / as +>.json}). {@code seconds} is the case's
 * share of its batch's wall time (in proportion to the estimates); {@code batch} and {@code workload} let
 * {@code regress calibrate} fit the cost model to measured runs.
 */
public record CaseResult(String id, String group, String describe, CaseVerdict.Status status, String summary,
                         String detail, String reproduce, double seconds, String suiteHash, String shard,
                         String finished, Workload workload, BatchRecord batch) {
    /** The batch a case ran in: its id and size, wall and build seconds, and whether the build was cached. */
    public record BatchRecord(String id, int cases, double seconds, double buildSeconds, boolean buildCached) {
    }

    public boolean passed() {
        return status == CaseVerdict.Status.PASS;
    }
}
