package dev.accelgen.sim.regress.slurm;

import dev.accelgen.errors.OptionError;
import dev.accelgen.sim.tools.ToolProcess;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Submits the two scripts with {@code sbatch --parsable} (the merge with {@code --dependency=afterok:<array>})
 * and waits for the merge job by polling {@code scontrol show job}: no accounting database is needed.
 */
public final class SlurmJobs {
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    /** The job ids sbatch returned: the array job and the merge job. */
    public record Submitted(String arrayJob, String mergeJob) {
    }

    private SlurmJobs() {
    }

    public static Submitted submit(Path regressScript, Path mergeScript) {
        String array = sbatch(List.of("sbatch", "--parsable", regressScript.toString()));
        String merge = sbatch(List.of("sbatch", "--parsable", "--dependency=afterok:" + array, mergeScript.toString()));
        return new Submitted(array, merge);
    }

    /** Every record Slurm still has of the job (one per array task); empty once Slurm has forgotten it. */
    public static List<JobState> state(String jobId) {
        ToolProcess.Output o = ToolProcess.run(List.of("scontrol", "show", "job", "-o", jobId), null, COMMAND_TIMEOUT);
        if (o.exitCode() != 0) {
            if (o.combined().contains("Invalid job id")) {
                return List.of();
            }
            throw new IllegalStateException("scontrol show job " + jobId + " failed (exit " + o.exitCode() + "): "
                    + o.combined().strip());
        }
        return JobState.parse(o.stdout());
    }

    /**
     * Polls until the merge job has ended (or Slurm forgot it) and returns its last state (null if forgotten).
     * {@code progress} describes how far the shards are; it is printed on {@code err} whenever it changes.
     */
    public static JobState awaitMerge(Submitted jobs, Duration poll, Supplier<String> progress, PrintWriter err) {
        String last = "";
        while (true) {
            List<JobState> merge = state(jobs.mergeJob());
            String now = progress.get() + "; merge job " + jobs.mergeJob() + " " + (merge.isEmpty() ? "gone" : merge.get(0).state());
            if (!now.equals(last)) {
                err.println("slurm: " + now);
                err.flush();
                last = now;
            }
            if (merge.isEmpty() || merge.get(0).ended()) {
                return merge.isEmpty() ? null : merge.get(0);
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Slurm job " + jobs.mergeJob()
                        + " (the jobs keep running; scancel " + jobs.arrayJob() + " " + jobs.mergeJob() + " stops them)", e);
            }
        }
    }

    private static String sbatch(List<String> command) {
        ToolProcess.Output o = ToolProcess.run(command, null, COMMAND_TIMEOUT);
        if (o.exitCode() != 0) {
            throw new OptionError("--submit", "sbatch refused " + command.get(command.size() - 1) + ": "
                    + o.combined().strip().replace('\n', ' '));
        }
        String id = o.stdout().strip().split(";")[0];
        if (!id.matches("[0-9]+")) {
            throw new IllegalStateException("sbatch --parsable printed '" + o.stdout().strip() + "', not a job id");
        }
        return id;
    }
}
