package dev.accelgen.cli.regress;

import dev.accelgen.errors.OptionError;
import dev.accelgen.errors.UserInputException;
import dev.accelgen.sim.progress.Durations;
import dev.accelgen.sim.regress.Batch;
import dev.accelgen.sim.regress.Batches;
import dev.accelgen.sim.regress.CostModel;
import dev.accelgen.sim.regress.Estimates;
import dev.accelgen.sim.regress.Merge;
import dev.accelgen.sim.regress.Partition;
import dev.accelgen.sim.regress.PlannedCase;
import dev.accelgen.sim.regress.ResultStore;
import dev.accelgen.sim.regress.Schedule;
import dev.accelgen.sim.regress.Shard;
import dev.accelgen.sim.regress.Sharder;
import dev.accelgen.sim.regress.Suite;
import dev.accelgen.sim.regress.Summary;
import dev.accelgen.sim.regress.slurm.JobState;
import dev.accelgen.sim.regress.slurm.SlurmJobs;
import dev.accelgen.sim.regress.slurm.SlurmRequest;
import dev.accelgen.sim.regress.slurm.SlurmScripts;
import dev.accelgen.sim.verilator.VerilatorBuild;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code regress <suite> --slurm N --out DIR [--submit [--wait]]}: sizes the tasks from the cost model, writes the
 * two scripts, optionally submits them and waits for the merged verdict.
 */
final class SlurmLaunch {
    static final Duration POLL = Duration.ofSeconds(2);

    private final Suite suite;
    private final List<PlannedCase> all;
    private final int tasks;
    private final int jobs;
    private final Path out;
    private final Path junit;
    private final boolean submit;
    private final boolean await;
    private final PrintWriter o;
    private final PrintWriter err;

    SlurmLaunch(Suite suite, List<PlannedCase> all, int tasks, int jobs, Path out, Path junit, boolean submit, boolean await,
                PrintWriter o, PrintWriter err) {
        this.suite = suite;
        this.all = all;
        this.tasks = tasks;
        this.jobs = jobs;
        this.out = out == null ? null : out.toAbsolutePath().normalize();
        this.junit = junit == null ? (out == null ? null : this.out.resolve("junit.xml")) : junit.toAbsolutePath().normalize();
        this.submit = submit;
        this.await = await;
        this.o = o;
        this.err = err;
    }

    int run(Runnable checkConflicts) {
        checkConflicts.run();
        if (out == null) {
            throw new OptionError("--slurm", "needs --out DIR on a file system every node sees");
        }
        if (await && !submit) {
            throw new OptionError("--wait", "needs --submit");
        }
        new Shard(1, tasks); // validates N
        ResultStore store = ResultStore.create(out);
        createDirectory(out.resolve("logs"));
        Estimates estimates = Estimates.of(all, CostModel.DEFAULT);
        List<List<PlannedCase>> shards = Sharder.partition(all, estimates, tasks);
        store.write(Partition.of(suite, shards)); // the tasks read their cases instead of estimating the whole suite
        NodeCommand node = NodeCommand.current();
        SlurmScripts scripts = new SlurmScripts(node.command(), suite.ref(), suite.name(), out,
                VerilatorBuild.cacheBase().toAbsolutePath().normalize(), junit, jobs, request(shards, estimates, node.heapMb()));
        List<Path> written = scripts.write();
        SlurmRequest r = scripts.request();
        o.println("wrote " + written.get(0) + " (" + tasks + " tasks, --time " + r.time() + ", --mem " + r.memoryMb()
                + "M, --cpus-per-task " + r.cpusPerTask() + " each) and " + written.get(1));
        if (!submit) {
            o.println("submit with: A=$(sbatch --parsable " + written.get(0) + ") && sbatch --dependency=afterok:$A " + written.get(1));
            return 0;
        }
        SlurmJobs.Submitted ids = SlurmJobs.submit(written.get(0), written.get(1));
        o.println("submitted job array " + ids.arrayJob() + " (" + tasks + " tasks) and merge job " + ids.mergeJob()
                + " (afterok:" + ids.arrayJob() + ")");
        o.flush();
        if (!await) {
            return 0;
        }
        JobState merge = SlurmJobs.awaitMerge(ids, POLL,
                () -> store.results().size() + "/" + all.size() + " cases have results", err);
        return verdict(ids, merge);
    }

    /** Sizes each task from the cost model: the partition every task will compute, scheduled on --jobs workers. */
    private SlurmRequest request(List<List<PlannedCase>> shards, Estimates estimates, int heapMb) {
        double longest = 0;
        long largestBatch = 0;
        for (List<PlannedCase> shard : shards) {
            List<Batch> batches = Batches.plan("", shard, estimates);
            longest = Math.max(longest, Schedule.makespan(batches, jobs));
            for (Batch b : batches) {
                largestBatch = Math.max(largestBatch, b.cases().stream().mapToLong(c -> estimates.workload(c).rtlBytes()).sum());
            }
        }
        err.println("slurm: largest shard estimated at " + Durations.format(longest) + ", largest batch "
                + (largestBatch / 1000) + " KB of Verilog");
        return SlurmRequest.of(tasks, jobs, longest, largestBatch, heapMb);
    }

    /** The merge job's exit status is the verdict; if Slurm cancelled it (a task failed), merge here and say why. */
    private int verdict(SlurmJobs.Submitted ids, JobState merge) {
        Path log = out.resolve("logs").resolve("merge_" + ids.mergeJob() + ".out");
        boolean ran = merge == null || merge.state().equals("COMPLETED") || merge.state().equals("FAILED");
        if (ran && Files.isRegularFile(log)) {
            o.print(read(log));
            o.flush();
            if (merge != null && merge.exitCode() >= 0 && merge.exitCode() <= 2) {
                return merge.exitCode();
            }
            return Merge.merge(List.of(out)).passed() ? 0 : 1; // Slurm forgot the job: the files still tell
        }
        err.println("slurm: merge job " + ids.mergeJob() + " ended " + (merge == null ? "without a log" : merge.state()
                + " (" + merge.reason() + ")") + "; shard tasks that did not complete:");
        for (JobState t : SlurmJobs.state(ids.arrayJob())) {
            if (!t.completed()) {
                err.println("  task " + t.arrayTaskId() + ": " + t.state() + " exit " + t.exitCode() + ", log "
                        + out.resolve("logs").resolve("regress_" + ids.arrayJob() + "_" + t.arrayTaskId() + ".out"));
            }
        }
        try {
            Summary.lines(Merge.merge(List.of(out))).forEach(o::println);
        } catch (UserInputException e) {
            err.println("slurm: nothing to merge: " + e.getMessage());
        }
        return 1;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectory(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
