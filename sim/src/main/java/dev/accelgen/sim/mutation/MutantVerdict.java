package dev.accelgen.sim.mutation;

/**
 * What verification made of one mutant.
 *
 * <ul>
 *   <li>{@code KILLED}: the standard verification (the stimulus {@code pe verify} would use) fails it.</li>
 *   <li>{@code SURVIVED}: the standard verification passes it, a longer and stronger one does not: the
 *       standard stimulus misses a real bug.</li>
 *   <li>{@code EQUIVALENT_SUSPECTED}: no stimulus tried tells it from the original (the standard one and every
 *       strong one): most likely it computes the same function (a mutation of a bit no output depends on, or
 *       one the rest of the circuit masks); not proven.</li>
 * </ul>
 */
public enum MutantVerdict {
    KILLED, SURVIVED, EQUIVALENT_SUSPECTED
}
