package dev.accelgen.sim.regress;

import dev.accelgen.errors.OptionError;
import dev.accelgen.sim.tools.ScratchDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the cases of a suite (or of one shard of it): batches them, runs {@code jobs} batches at a time (largest
 * estimate first), writes each case's result as its batch finishes, and reports progress. With {@code resume},
 * cases that already have a result of the same suite (PASS or FAIL) are not run again. A shard takes its cases from
 * the {@link Partition} in the output directory when there is one for this suite, else computes the partition.
 */
public final class RegressRun {
    private final Suite suite;
    private final RunOptions options;
    private final ProgressListener progress;
    private final ResultStore store;
    private final Map<String, CaseResult> finished = new LinkedHashMap<>();
    private final Estimates estimates;
    private int ranNow;

    private RegressRun(Suite suite, RunOptions options, ProgressListener progress, Estimates estimates) {
        this.suite = suite;
        this.options = options;
        this.progress = progress;
        this.estimates = estimates;
        this.store = options.out() == null ? null : ResultStore.create(options.out());
    }

    /** Runs the selected cases of {@code all} (the whole expanded suite). */
    public static RunReport run(Suite suite, List<PlannedCase> all, RunOptions options, ProgressListener progress) {
        Optional<Partition> written = options.out() == null || options.shard().count() == 1 ? Optional.empty()
                : ResultStore.create(options.out()).partition(suite.hash(), options.shard().count());
        List<PlannedCase> selected;
        Estimates estimates;
        if (!options.caseIds().isEmpty() || written.isPresent()) {
            List<String> ids = written.map(p -> p.caseIds().get(options.shard().index() - 1)).orElse(options.caseIds());
            selected = byIds(suite, all, ids);
            estimates = Estimates.of(selected, options.costModel());
        } else {
            estimates = Estimates.of(all, options.costModel()); // the partition needs every case's estimate
            selected = Sharder.select(all, estimates, options.shard());
        }
        RegressRun run = new RegressRun(suite, options, progress, estimates);
        List<CaseResult> results = run.execute(all.size(), selected);
        int resumed = results.size() - run.ranNow;
        return new RunReport(suite, options.shard().toString(), results, resumed, List.of());
    }

    private List<CaseResult> execute(int suiteCases, List<PlannedCase> selected) {
        ShardManifest manifest = null;
        if (store != null && options.caseIds().isEmpty()) {
            manifest = new ShardManifest(ShardManifest.FORMAT, suite.name(), suite.ref(), suite.hash(),
                    options.shard().index(), options.shard().count(), suiteCases,
                    selected.stream().map(c -> new ShardManifest.OwnedCase(c.id(), c.group(), c.order())).toList(), now(), null);
            store.write(manifest);
        }
        List<PlannedCase> todo = new ArrayList<>();
        Map<String, CaseResult> earlier = options.resume() ? store.results() : Map.of();
        for (PlannedCase c : selected) {
            CaseResult r = earlier.get(c.id());
            if (r != null && r.suiteHash().equals(suite.hash()) && r.status() != CaseVerdict.Status.ERROR) {
                finished.put(c.id(), r);
            } else {
                todo.add(c);
                if (store != null) {
                    store.delete(c.id()); // a result of an earlier run must not survive a kill of this one
                }
            }
        }
        String prefix = "s" + options.shard().index() + "of" + options.shard().count() + "/";
        List<Batch> batches = Batches.plan(prefix, todo, estimates);
        progress.started(selected.size(), finished.size(), batches.stream().mapToDouble(Batch::estimatedSeconds).sum(),
                Schedule.makespan(batches, options.jobs()));
        runAll(batches);
        progress.finished();
        if (manifest != null) {
            store.write(manifest.finishedAt(now()));
        }
        return selected.stream().map(c -> finished.get(c.id())).toList();
    }

    private void runAll(List<Batch> batches) {
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), r -> {
            Thread t = new Thread(r, "accelgen-regress");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Batch b : batches) {
                running.add(pool.submit(() -> runBatch(b)));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void runBatch(Batch batch) {
        synchronized (this) {
            progress.batchStarted(batch);
        }
        Path scratch = scratchDir();
        try {
            long t0 = System.nanoTime();
            BatchOutcome out;
            try {
                out = batch.run(new RunContext(options.build(), scratch));
            } catch (RuntimeException e) {
                if (batch.cases().size() > 1) {
                    synchronized (this) {
                        progress.batchSplit(batch, CaseVerdict.error(e).summary());
                    }
                    for (int i = 0; i < batch.cases().size(); i++) {
                        runAlone(batch.id() + "/" + i, batch.cases().get(i));
                    }
                    return;
                }
                out = new BatchOutcome(List.of(CaseVerdict.error(e)), 0, false);
            }
            record(batch.id(), batch.cases(), out, (System.nanoTime() - t0) / 1e9);
        } finally {
            ScratchDirs.deleteQuietly(scratch);
        }
    }

    private void runAlone(String batchId, PlannedCase c) {
        Path scratch = scratchDir();
        try {
            long t0 = System.nanoTime();
            BatchOutcome out;
            try {
                out = Batch.runAlone(c, new RunContext(options.build(), scratch));
            } catch (RuntimeException e) {
                out = new BatchOutcome(List.of(CaseVerdict.error(e)), 0, false);
            }
            record(batchId, List.of(c), out, (System.nanoTime() - t0) / 1e9);
        } finally {
            ScratchDirs.deleteQuietly(scratch);
        }
    }

    private void record(String batchId, List<PlannedCase> cases, BatchOutcome out, double seconds) {
        double estimate = estimates.total(cases);
        CaseResult.BatchRecord batch = new CaseResult.BatchRecord(batchId, cases.size(), seconds, out.buildSeconds(), out.buildCached());
        for (int i = 0; i < cases.size(); i++) {
            PlannedCase c = cases.get(i);
            CaseVerdict v = out.verdicts().get(i);
            double share = estimate > 0 ? estimates.seconds(c) / estimate : 1.0 / cases.size();
            CaseResult r = new CaseResult(c.id(), c.group(), c.regressCase().describe(), v.status(), v.summary(),
                    v.detail(), suite.reproduceCommand(c.id()), seconds * share, suite.hash(), options.shard().toString(),
                    now(), estimates.workload(c), batch);
            if (store != null) {
                store.write(r);
            }
            synchronized (this) {
                finished.put(c.id(), r);
                ranNow++;
                progress.caseFinished(r, estimates.seconds(c) + options.costModel().batchSeconds() / cases.size());
            }
        }
    }

    private static List<PlannedCase> byIds(Suite suite, List<PlannedCase> all, List<String> ids) {
        Map<String, PlannedCase> index = new LinkedHashMap<>();
        all.forEach(c -> index.put(c.id(), c));
        List<PlannedCase> out = new ArrayList<>();
        for (String id : ids) {
            PlannedCase c = index.get(id);
            if (c == null) {
                throw new OptionError("--case", "suite " + suite.name() + " has no case " + id
                        + " (list them with: accelgen regress " + Shell.quote(suite.ref()) + " --list)");
            }
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    private static Path scratchDir() {
        try {
            return Files.createTempDirectory("accelgen-regress-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory", e);
        }
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
