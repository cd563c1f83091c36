package dev.accelgen.boards.model;

/** Vivado/Vitis releases a board is known to work with ("2022.1"); max is null when there is no known end. */
public record VivadoRange(String min, String max) {
    private static final String VERSION = "20[0-9]{2}\\.[0-9]";

    public VivadoRange {
        if (min == null || !min.matches(VERSION)) {
            throw new IllegalArgumentException("min = '" + min + "' is not a Vivado release, must look like 2022.1");
        }
        if (max != null && !max.matches(VERSION)) {
            throw new IllegalArgumentException("max = '" + max + "' is not a Vivado release, must look like 2023.2");
        }
        if (max != null && compare(min, max) > 0) {
            throw new IllegalArgumentException("max = " + max + " is older than min = " + min);
        }
    }

    /** Compares two "YYYY.N" release strings. */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
