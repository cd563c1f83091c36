package dev.accelgen.pe.regress;

import dev.accelgen.hdl.Design;
import dev.accelgen.pe.UnitKind;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.bundle.BundleCase;
import dev.accelgen.sim.bundle.BundleResult;
import dev.accelgen.sim.bundle.BundleVerifier;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.regress.BatchOutcome;
import dev.accelgen.sim.regress.CaseType;
import dev.accelgen.sim.regress.CaseVerdict;
import dev.accelgen.sim.regress.RunContext;
import dev.accelgen.sim.regress.SuiteEntry;
import dev.accelgen.sim.regress.Workload;
import dev.accelgen.sim.verilator.RunLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the unit case types share: the kinds they know, the workload of a case (its elaborated Verilog and its
 * golden model's cycles) and running a batch as one Verilator bundle ({@link BundleVerifier}), as
 * {@code accelgen pe verify --configs} does. Subclasses say how an entry expands.
 */
public abstract class UnitCaseType implements CaseType<UnitCase> {
    /** As {@code pe verify}: a few dozen units build in well under a minute, hundreds take hours and 10+ GB. */
    public static final int BUNDLE_SIZE = 40;
    static final int DEFAULT_VECTORS = 20;
    static final int MAX_VECTORS = 10_000;

    private final String name;
    private final List<UnitKind<?>> kinds;

    protected UnitCaseType(String name, List<UnitKind<?>> kinds) {
        this.name = name;
        this.kinds = List.copyOf(kinds);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<UnitCase> caseClass() {
        return UnitCase.class;
    }

    @Override
    public final int batchLimit() {
        return BUNDLE_SIZE;
    }

    /** The kind an entry names ({@code "kind": "mixpe"}). */
    protected UnitKind<?> kind(SuiteEntry entry) {
        String k = entry.string("kind");
        return kinds.stream().filter(u -> u.name().equals(k)).findFirst().orElseThrow(() -> entry.error(
                "unknown kind \"" + k + "\" (kinds: " + String.join(", ", kinds.stream().map(UnitKind::name).toList()) + ")"));
    }

    protected static int vectors(SuiteEntry entry) {
        return (int) entry.integer("vectors", 1, MAX_VECTORS, DEFAULT_VECTORS);
    }

    @Override
    public Workload workload(UnitCase c) {
        long bytes = 0;
        for (Map.Entry<String, String> f : c.elaborate().files().entrySet()) {
            if (f.getKey().endsWith(".v")) {
                bytes += f.getValue().length();
            }
        }
        return new Workload(bytes, c.golden().run(c.stimulus()).totalCycles());
    }

    @Override
    public BatchOutcome run(List<UnitCase> batch, RunContext context) {
        List<BundleCase> cases = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            UnitCase c = batch.get(i);
            Design d = c.elaborate();
            cases.add(new BundleCase(ManifestReader.read(d.emit(context.scratch().resolve("unit_" + i))), c.golden(), c.stimulus()));
        }
        BundleResult r = BundleVerifier.verify(cases, context.buildOptions(), RunLimits.DEFAULT);
        List<CaseVerdict> verdicts = new ArrayList<>();
        for (VerifyResult v : r.results()) {
            verdicts.add(v.passed() ? CaseVerdict.pass(v.summaryLine()) : CaseVerdict.fail(v.summaryLine(), v.detail()));
        }
        return new BatchOutcome(verdicts, r.build().cacheHit() ? 0 : r.build().elapsed().toNanos() / 1e9, r.build().cacheHit());
    }
}
