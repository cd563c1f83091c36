package dev.accelgen.sim.verilator;

import java.util.List;

/**
 * Verilator build knobs. {@code jobs}: parallel verilation and C++ compile jobs (the machine is
 * shared, so 1 by default). {@code cOpt}: optimisation level for the generated C++ (-O1 measured as
 * the best build+run trade-off for unit tests). {@code lintFatal}: {@code -Wall} with warnings fatal,
 * the rule for everything accelgen generates; off only for netlists accelgen did not write (the
 * Yosys-written mutants of {@code bench mutation}), which build with {@code -Wno-fatal}.
 */
public record BuildOptions(int jobs, String cOpt, boolean lintFatal) {
    public static final BuildOptions DEFAULT = new BuildOptions(envJobs(), "-O1");

    public BuildOptions {
        if (jobs < 1 || jobs > 64) {
            throw new IllegalArgumentException("jobs must be in 1..64, got " + jobs);
        }
        if (!List.of("-O0", "-O1", "-O2", "-O3", "-Os").contains(cOpt)) {
            throw new IllegalArgumentException("cOpt must be one of -O0 -O1 -O2 -O3 -Os, got '" + cOpt + "'");
        }
    }

    public BuildOptions(int jobs, String cOpt) {
        this(jobs, cOpt, true);
    }

    /** These options with lint warnings reported but not fatal. */
    public BuildOptions lintNotFatal() {
        return new BuildOptions(jobs, cOpt, false);
    }

    private static int envJobs() {
        String v = System.getenv("ACCELGEN_JOBS");
        return v == null || !v.matches("[1-9][0-9]?") ? 1 : Math.min(64, Integer.parseInt(v));
    }

    /**
     * Flags that change the produced binary (hashed into the cache key; -j is not among them). {@code -Wall}
     * with warnings fatal: every design any test simulates is also proven lint-clean.
     */
    public List<String> verilatorFlags(String top) {
        return List.of("--cc", "--exe", "--build", "--prefix", "Vdut", "--top-module", top,
                lintFatal ? "-Wall" : "-Wno-fatal",
                "-CFLAGS", cOpt, "-MAKEFLAGS", "OPT_FAST=" + cOpt + " OPT_SLOW=-O0 OPT_GLOBAL=" + cOpt,
                "-o", "sim");
    }
}
