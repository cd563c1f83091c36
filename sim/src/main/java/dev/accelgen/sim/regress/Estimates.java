package dev.accelgen.sim.regress;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The workload of each case of a plan (by id) and the {@link CostModel} that turns workloads into seconds.
 * Workloads come from the case types (elaborating a unit and running its golden model takes milliseconds) and
 * are computed once, on all cores.
 */
public record Estimates(CostModel model, Map<String, Workload> workloads) {
    public Estimates {
        workloads = Map.copyOf(workloads);
    }

    public static Estimates of(List<PlannedCase> cases, CostModel model) {
        Map<String, Workload> w = cases.parallelStream()
                .collect(Collectors.toConcurrentMap(PlannedCase::id, PlannedCase::workload, (a, b) -> a));
        return new Estimates(model, w);
    }

    public Workload workload(PlannedCase c) {
        Workload w = workloads.get(c.id());
        if (w == null) {
            throw new IllegalArgumentException("no estimate for case " + c.id());
        }
        return w;
    }

    public double seconds(PlannedCase c) {
        return model.caseSeconds(workload(c));
    }

    public double total(List<PlannedCase> cases) {
        return cases.stream().mapToDouble(this::seconds).sum();
    }
}
