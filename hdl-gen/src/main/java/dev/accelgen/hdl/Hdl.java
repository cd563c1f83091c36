package dev.accelgen.hdl;

/** Entry point: elaborate a generator for a configuration into a checked {@link Design}. */
public final class Hdl {
    private Hdl() {
    }

    /**
     * Builds the top module and every child, lowers each to a netlist and runs all checks.
     *
     * @throws HdlCheckException listing every diagnostic if any check fails
     */
    public static <C> Design elaborate(ModuleGen<C> generator, C config) {
        long t0 = System.nanoTime();
        Elaborator e = new Elaborator();
        var top = e.module(generator, config);
        if (!e.diagnostics().isEmpty()) {
            throw new HdlCheckException(e.diagnostics());
        }
        long total = System.nanoTime() - t0;
        return new Design(top, e.modulesLeavesFirst(), e.netlists(), total - e.checkNanos(), e.checkNanos());
    }
}
