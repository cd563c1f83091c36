package dev.accelgen.pe.vector.harness;

import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.bundle.BundleCase;
import dev.accelgen.sim.bundle.BundleResult;
import dev.accelgen.sim.bundle.BundleVerifier;
import dev.accelgen.sim.tools.ScratchDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies engine cases (any engines, any configurations) RTL versus Java in ONE Verilator build. Prints one
 * line per case; the RTL of a failing bundle is kept and its directory printed.
 */
public final class EngineVerify {
    private EngineVerify() {
    }

    /** Failure lines ("case: FAIL ..."), empty when every case passed. */
    public static List<String> verify(List<EngineCase<?>> cases) {
        Path work;
        try {
            work = Files.createTempDirectory("accelgen-engines-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<BundleCase> bundle = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            bundle.add(cases.get(i).bundleCase(work.resolve("e" + i)));
        }
        BundleResult r = BundleVerifier.verify(bundle);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            VerifyResult v = r.results().get(i);
            String line = cases.get(i).describe() + ": " + v.summaryLine();
            System.out.println(line);
            if (!v.passed()) {
                failures.add(line);
            }
        }
        if (failures.isEmpty()) {
            ScratchDirs.delete(work);
        } else {
            System.out.println("RTL of the failing bundle kept in " + work);
        }
        return failures;
    }
}
