package dev.accelgen.reports.data;

/**
 * The board the build targets: its resource budget (the device, or the SLR the design is placed in) and the
 * physical peak bandwidth of its off-chip memory ({@code memory} says which: "HBM2, 32 pseudo-channels").
 * Board data, so its provenance is {@code specified}.
 */
public record BoardInfo(String name, String part, Resources budget, String memory, double memoryGbps, Provenance provenance) {
    public BoardInfo {
        Check.text("name", name);
        Check.text("part", part);
        Check.present("budget", budget);
        Check.positive("budget.lut", budget.lut());
        Check.text("memory", memory);
        Check.positive("memory_gbps", memoryGbps);
        Check.present("provenance", provenance);
    }
}
