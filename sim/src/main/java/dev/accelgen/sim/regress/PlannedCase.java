package dev.accelgen.sim.regress;

/** A case of an expanded suite together with the type that runs it, and where it came from in the suite. */
public record PlannedCase(CaseType<?> type, RegressCase regressCase, int order) {
    public String id() {
        return regressCase.id();
    }

    public String group() {
        return regressCase.group();
    }

    /** The case's workload, asked of its type (type-safe: the type made the case). */
    public Workload workload() {
        return workloadOf(type);
    }

    private <C extends RegressCase> Workload workloadOf(CaseType<C> t) {
        return t.workload(t.caseClass().cast(regressCase));
    }
}
