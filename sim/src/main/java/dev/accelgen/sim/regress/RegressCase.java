package dev.accelgen.sim.regress;

/**
 * One case of a regression suite as the engine sees it; what it runs is its {@link CaseType}'s business.
 * A case type usually implements this with a record that also holds what the case needs to run.
 */
public interface RegressCase {
    /** Stable id, unique in its suite, e.g. {@code mixpe/random/s11/c7} (see {@link CaseIds}). */
    String id();

    /** What the case belongs to (a unit kind): the JUnit classname, and cases of one group share batches. */
    String group();

    /** One line for people: what is verified, e.g. the configuration and the stimulus seed. */
    String describe();
}
