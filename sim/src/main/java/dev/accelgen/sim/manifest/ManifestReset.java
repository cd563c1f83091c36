package dev.accelgen.sim.manifest;

/** The reset port of a unit: its name, whether flops see it synchronously, and its active level. */
public record ManifestReset(String name, Kind kind, boolean activeLow) {
    public enum Kind { SYNC, ASYNC }

    public ManifestReset {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("reset name must not be empty");
        }
        if (kind == null) {
            throw new IllegalArgumentException("reset '" + name + "' kind must be sync or async");
        }
    }

    /** The level that holds the unit in reset. */
    public int assertedLevel() {
        return activeLow ? 0 : 1;
    }
}
