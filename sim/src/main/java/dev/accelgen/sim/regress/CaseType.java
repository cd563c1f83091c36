package dev.accelgen.sim.regress;

import java.util.List;

/**
 * A kind of regression case, keyed by the {@code "type"} of a suite entry: how an entry expands into cases,
 * what each case costs, and how a batch of cases runs. Adding a type is one class implementing this and one
 * registration in the {@link CaseTypes} the command line builds (see sim/README.md).
 *
 * @param <C> the type's own case record
 */
public interface CaseType<C extends RegressCase> {
    /** The suite entry {@code "type"} this class handles, e.g. {@code unit-random}. */
    String name();

    Class<C> caseClass();

    /**
     * The cases of one suite entry, in a stable order. Reads the entry with {@link SuiteEntry}'s accessors, so
     * a bad entry is a one-line {@link dev.accelgen.errors.ConfigError} naming the suite and the entry.
     */
    List<C> expand(SuiteEntry entry);

    /** Most cases one {@link #run} may take (one Verilator build for all of them); 1 runs each case alone. */
    int batchLimit();

    /** What running the case takes, for the {@link CostModel}: RTL to build and cycles to simulate. */
    Workload workload(C c);

    /**
     * Runs a batch of cases of one group (at most {@link #batchLimit()}) and returns one verdict per case in
     * the same order. An exception fails the batch: the engine then runs its cases one at a time, and a case
     * that throws alone gets an ERROR verdict with the exception's message.
     */
    BatchOutcome run(List<C> batch, RunContext context);
}
