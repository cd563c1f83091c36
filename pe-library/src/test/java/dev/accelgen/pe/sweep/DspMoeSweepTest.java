package dev.accelgen.pe.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.UnitKind;
import dev.accelgen.pe.dsp.DspChainKind;
import dev.accelgen.pe.moe.MoeKind;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.bundle.BundleCase;
import dev.accelgen.sim.bundle.BundleResult;
import dev.accelgen.sim.bundle.BundleVerifier;
import dev.accelgen.sim.manifest.ManifestReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full sweeps, outside the default suite ({@code mvn -B -pl pe-library -am test -Psweep -Dtest=DspMoeSweepTest -Dsurefire.failIfNoSpecifiedTests=false}): 500 random
 * configurations per family, verified in Verilator in bundles of 50 (one build each). Seeds come from
 * {@code -Dsweep.seed} (default: the clock) and are printed.
 */
@Tag("sweep")
class DspMoeSweepTest {
    private static final int CONFIGS = Integer.getInteger("sweep.configs", 500);
    private static final int BUNDLE = 50;

    @Test
    void dspChainSweep(@TempDir Path tmp) {
        sweep(new DspChainKind(), 30, tmp);
    }

    @Test
    void moeSweep(@TempDir Path tmp) {
        sweep(new MoeKind(), 2, tmp);
    }

    private static <C extends Record> void sweep(UnitKind<C> kind, int vectors, Path tmp) {
        long seed = Long.getLong("sweep.seed", 1);
        System.out.println(kind.name() + " sweep seed=" + seed + " configs=" + CONFIGS);
        Random rng = new Random(seed);
        List<String> failures = new ArrayList<>();
        for (int start = 0; start < CONFIGS; start += BUNDLE) {
            List<BundleCase> cases = new ArrayList<>();
            List<C> configs = new ArrayList<>();
            for (int i = start; i < Math.min(CONFIGS, start + BUNDLE); i++) {
                C c = kind.randomConfig(rng);
                configs.add(c);
                Path m = Hdl.elaborate(kind.generator(), c).emit(tmp.resolve("c" + i));
                cases.add(new BundleCase(ManifestReader.read(m), kind.golden(c), kind.randomStimulus(c, vectors, seed + i)));
            }
            BundleResult r = BundleVerifier.verify(cases);
            for (int i = 0; i < cases.size(); i++) {
                VerifyResult v = r.results().get(i);
                if (!v.passed()) {
                    failures.add(configs.get(i) + " seed=" + (seed + start + i) + ": " + v.summaryLine());
                }
            }
            System.out.println(kind.name() + " configs " + start + ".." + (start + cases.size() - 1) + ": "
                    + failures.size() + " failures so far");
        }
        assertEquals(List.of(), failures);
    }
}
