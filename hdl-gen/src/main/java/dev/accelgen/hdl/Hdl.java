package dev.accelgen.hdl;

import dev.accelgen.errors.UserInputException;
import dev.accelgen.hdl.ir.ModuleDef;

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
        ModuleDef top;
        try {
            top = e.module(generator, config);
        } catch (UserInputException invalidDerivedConfig) {
            // the user's configuration was validated when it was built; one a generator derives from it is ours
            throw new IllegalStateException("generator " + generator.getClass().getSimpleName()
                    + " derived an invalid configuration: " + invalidDerivedConfig.getMessage(), invalidDerivedConfig);
        }
        if (!e.diagnostics().isEmpty()) {
            throw new HdlCheckException(e.diagnostics());
        }
        long total = System.nanoTime() - t0;
        return new Design(top, e.modulesLeavesFirst(), e.netlists(), total - e.checkNanos(), e.checkNanos());
    }
}
