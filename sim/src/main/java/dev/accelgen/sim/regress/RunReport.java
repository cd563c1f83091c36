package dev.accelgen.sim.regress;

import java.util.List;

/**
 * The outcome of a run (or of a merge): every case's result in suite order, how many came from an earlier run
 * ({@code --resume}) and the problems that make the run incomplete (missing shards, unfinished or duplicated cases).
 */
public record RunReport(Suite suite, String shards, List<CaseResult> results, int resumed, List<String> problems) {
    public RunReport {
        results = List.copyOf(results);
        problems = List.copyOf(problems);
    }

    public long count(CaseVerdict.Status s) {
        return results.stream().filter(r -> r.status() == s).count();
    }

    /** Every case passed and nothing is missing: exit status 0. */
    public boolean passed() {
        return problems.isEmpty() && results.stream().allMatch(CaseResult::passed);
    }
}
