package dev.accelgen.sim;

/**
 * The executable specification of a unit: given the same stimulus the RTL receives, returns the
 * bit-exact output values and the exact cycle at which each appears. Implementations model the
 * unit's handshakes (when each beat is accepted) as well as its arithmetic.
 */
public interface GoldenModel {
    Trace run(Stimulus stimulus);
}
