package dev.accelgen.pe.verify;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.UnitKind;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.bundle.BundleCase;
import dev.accelgen.sim.bundle.BundleResult;
import dev.accelgen.sim.bundle.BundleVerifier;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.tools.ScratchDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Verifies N distinct random configurations of a family in one Verilator build. */
final class RandomConfigBundles {
    private RandomConfigBundles() {
    }

    /** Failing lines ("config ... FAIL ..."), empty when every configuration passed. */
    static <C extends Record> List<String> verify(UnitKind<C> kind, int configs, int vectors, long seed) throws IOException {
        System.out.println(kind.name() + " seed=" + seed);
        Random rng = new Random(seed);
        Set<C> distinct = new LinkedHashSet<>();
        for (int tries = 0; distinct.size() < configs; tries++) {
            if (tries > 100 * configs) {
                throw new IllegalStateException(kind.name() + " offers fewer than " + configs + " distinct random configurations");
            }
            distinct.add(kind.randomConfig(rng));
        }
        Path work = Files.createTempDirectory("accelgen-" + kind.name() + "-bundle-");
        List<BundleCase> cases = new ArrayList<>();
        List<C> list = new ArrayList<>(distinct);
        for (int i = 0; i < list.size(); i++) {
            C c = list.get(i);
            Path manifest = Hdl.elaborate(kind.generator(), c).emit(work.resolve("u" + i));
            long caseSeed = seed * 1_000_003L + i;
            cases.add(new BundleCase(ManifestReader.read(manifest), kind.golden(c), kind.randomStimulus(c, vectors, caseSeed)));
        }
        BundleResult r = BundleVerifier.verify(cases);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            VerifyResult v = r.results().get(i);
            System.out.println(list.get(i) + " seed=" + (seed * 1_000_003L + i) + ": " + v.summaryLine());
            if (!v.passed()) {
                failures.add(list.get(i) + ": " + v.summaryLine());
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
