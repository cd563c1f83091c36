package dev.accelgen.sim.regress.slurm;

import dev.accelgen.errors.OutputPathError;
import dev.accelgen.sim.regress.AtomicFiles;
import dev.accelgen.sim.regress.Shell;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code regress.sbatch} (a job array, task I running {@code --shard I/N}) and {@code merge.sbatch}
 * (merging every shard's results into one summary and one JUnit XML). Every path in them is absolute and accelgen
 * is started by an absolute command, as a cluster node sees it.
 *
 * @param accelgen   the command that starts accelgen on a node (absolute java and jar)
 * @param suiteRef   the suite as the command line names it (built-in name or absolute file)
 * @param suiteName  for job names
 * @param out        absolute output directory, shared by the tasks (results, logs, scripts)
 * @param cache      absolute Verilator build cache, shared by the nodes (e.g. on NFS)
 * @param junit      absolute path of the merged JUnit XML
 * @param jobs       parallel builds per task ({@code --jobs}; also {@code --cpus-per-task})
 * @param request    time and memory per task
 */
public record SlurmScripts(List<String> accelgen, String suiteRef, String suiteName, Path out, Path cache, Path junit,
                           int jobs, SlurmRequest request) {
    public static final String REGRESS = "regress.sbatch";
    public static final String MERGE = "merge.sbatch";
    /** A merge reads a few thousand small files: a fixed, small request. */
    static final int MERGE_MINUTES = 15;

    public SlurmScripts {
        accelgen = List.copyOf(accelgen);
        for (Path p : List.of(out, cache, junit)) {
            if (!p.isAbsolute()) {
                throw new IllegalArgumentException("Slurm scripts need absolute paths, got " + p);
            }
        }
        if (!out.toString().matches("[A-Za-z0-9/._+@%:=,-]+")) {
            throw new OutputPathError(out.toString(), "#SBATCH lines cannot quote a path: use an output directory "
                    + "without spaces or shell characters");
        }
    }

    /** Writes both scripts into {@code out} and returns their paths (regress first). */
    public List<Path> write() {
        Path regress = out.resolve(REGRESS);
        Path merge = out.resolve(MERGE);
        AtomicFiles.write(regress, regressScript());
        AtomicFiles.write(merge, mergeScript());
        return List.of(regress, merge);
    }

    public String regressScript() {
        int n = request.tasks();
        List<String> cmd = new ArrayList<>(accelgen);
        cmd.addAll(List.of("regress", suiteRef, "--shard", "SHARD", "--out", out.toString(), "--cache", cache.toString(),
                "--jobs", Integer.toString(jobs), "--resume", "--defer-verdict"));
        String command = Shell.join(cmd).replace("SHARD", "\"$SLURM_ARRAY_TASK_ID/" + n + "\"");
        return String.join("\n",
                "#!/bin/bash",
                "# accelgen regress " + suiteName + ": " + n + " shards as a Slurm job array. Submit with",
                "#   sbatch --parsable " + Shell.quote(out.resolve(REGRESS).toString()) + "    (prints the array job id A), then",
                "#   sbatch --dependency=afterok:A " + Shell.quote(out.resolve(MERGE).toString()),
                "# or let accelgen do both: accelgen regress ... --slurm " + n + " --submit [--wait].",
                "#SBATCH --job-name=" + jobName(""),
                "#SBATCH --array=1-" + n,
                "#SBATCH --ntasks=1",
                "#SBATCH --cpus-per-task=" + request.cpusPerTask(),
                "#SBATCH --time=" + request.time(),
                "#SBATCH --mem=" + request.memoryMb() + "M",
                "#SBATCH --output=" + out.resolve("logs").resolve("regress_%A_%a.out"),
                "#SBATCH --chdir=" + out,
                "set -eu",
                "# Array tasks are numbered 1.." + n + " (--array=1-" + n + "), as --shard I/N counts.",
                "# --defer-verdict: a task exits 0 when its cases ran, whatever their verdicts, so the merge",
                "# (afterok) still runs and gives the verdict; --resume keeps a requeued task's finished cases.",
                "exec " + command,
                "");
    }

    public String mergeScript() {
        List<String> cmd = new ArrayList<>(accelgen);
        cmd.addAll(List.of("regress", "merge", out.toString(), "--junit", junit.toString()));
        return String.join("\n",
                "#!/bin/bash",
                "# Merges the shards of accelgen regress " + suiteName + " into one summary (this job's log) and "
                        + junit.getFileName() + ".",
                "# Submitted with --dependency=afterok:<array job>; if a task fails, the dependency can never be",
                "# satisfied and Slurm cancels this job instead of leaving it pending.",
                "#SBATCH --job-name=" + jobName("-merge"),
                "#SBATCH --ntasks=1",
                "#SBATCH --cpus-per-task=1",
                "#SBATCH --time=0:" + MERGE_MINUTES + ":00",
                "#SBATCH --mem=" + request.mergeMemoryMb() + "M",
                "#SBATCH --output=" + out.resolve("logs").resolve("merge_%j.out"),
                "#SBATCH --chdir=" + out,
                "#SBATCH --kill-on-invalid-dep=yes",
                "set -eu",
                "exec " + Shell.join(cmd),
                "");
    }

    private String jobName(String suffix) {
        return "accelgen-regress-" + suiteName + suffix;
    }
}
