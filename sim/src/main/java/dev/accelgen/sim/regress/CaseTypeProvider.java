package dev.accelgen.sim.regress;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Case types from outside the accelgen jar: a class path entry that lists an implementation in
 * {@code META-INF/services/dev.accelgen.sim.regress.CaseTypeProvider} adds its types to every {@code accelgen
 * regress} started with it (the tests register their deliberately broken type this way, so that cluster nodes
 * started from the test class path know it too).
 */
public interface CaseTypeProvider {
    List<CaseType<?>> types();

    /** Every type the class path's providers offer, in class path order. */
    static List<CaseType<?>> discovered() {
        List<CaseType<?>> out = new ArrayList<>();
        ServiceLoader.load(CaseTypeProvider.class).forEach(p -> out.addAll(p.types()));
        return out;
    }
}
