package dev.accelgen.boards.model;

/** One super logic region and the resources a design may use in it. */
public record Slr(String name, Resources budget) {
    public Slr {
        Check.nonBlank("name", name);
        if (!name.matches("SLR[0-9]")) {
            throw new IllegalArgumentException("name = '" + name + "' is not an SLR name, must be SLR0..SLR9");
        }
        if (budget == null) {
            throw new IllegalArgumentException("budget is missing");
        }
    }
}
