package dev.accelgen.sim.regress.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.accelgen.errors.OutputPathError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmScriptsTest {
    @TempDir
    Path tmp;

    private SlurmScripts scripts(Path out) {
        SlurmRequest request = SlurmRequest.of(4, 2, 1500, 800_000, 2048);
        return new SlurmScripts(List.of("/opt/jdk/bin/java", "-Xmx2048m", "-jar", "/opt/accelgen/accelgen.jar"), "nightly",
                "nightly", out, Path.of("/nfs/cache"), out.resolve("junit.xml"), 2, request);
    }

    @Test
    void theRequestComesFromTheCostEstimate() {
        SlurmRequest r = SlurmRequest.of(4, 2, 1500, 800_000, 2048);
        assertEquals(60, r.minutes()); // 2 x 1500 s + 600 s = 3600 s
        assertEquals("1:00:00", r.time());
        assertEquals(2048 + 512 + 2 * (400 + 80), r.memoryMb()); // heap, JVM, 2 builds of an 800 KB batch
        assertEquals(2560, r.mergeMemoryMb());
        assertEquals(2, r.cpusPerTask());
    }

    @Test
    void theArrayTaskRunsItsShardWithAbsolutePaths() throws Exception {
        Path out = tmp.resolve("run");
        List<Path> written = scripts(out).write();
        assertEquals(List.of(out.resolve("regress.sbatch"), out.resolve("merge.sbatch")), written);
        assertEquals("""
                #!/bin/bash
                # accelgen regress nightly: 4 shards as a Slurm job array. Submit with
                #   sbatch --parsable OUT/regress.sbatch    (prints the array job id A), then
                #   sbatch --dependency=afterok:A OUT/merge.sbatch
                # or let accelgen do both: accelgen regress ... --slurm 4 --submit [--wait].
                #SBATCH --job-name=accelgen-regress-nightly
                #SBATCH --array=1-4
                #SBATCH --ntasks=1
                #SBATCH --cpus-per-task=2
                #SBATCH --time=1:00:00
                #SBATCH --mem=3520M
                #SBATCH --output=OUT/logs/regress_%A_%a.out
                #SBATCH --chdir=OUT
                set -eu
                # Array tasks are numbered 1..4 (--array=1-4), as --shard I/N counts.
                # --defer-verdict: a task exits 0 when its cases ran, whatever their verdicts, so the merge
                # (afterok) still runs and gives the verdict; --resume keeps a requeued task's finished cases.
                exec /opt/jdk/bin/java -Xmx2048m -jar /opt/accelgen/accelgen.jar regress nightly --shard "$SLURM_ARRAY_TASK_ID/4" \
                --out OUT --cache /nfs/cache --jobs 2 --resume --defer-verdict
                """.replace("OUT", out.toString()).replace("\\\n", ""), Files.readString(written.get(0)));
        assertEquals("""
                #!/bin/bash
                # Merges the shards of accelgen regress nightly into one summary (this job's log) and junit.xml.
                # Submitted with --dependency=afterok:<array job>; if a task fails, the dependency can never be
                # satisfied and Slurm cancels this job instead of leaving it pending.
                #SBATCH --job-name=accelgen-regress-nightly-merge
                #SBATCH --ntasks=1
                #SBATCH --cpus-per-task=1
                #SBATCH --time=0:15:00
                #SBATCH --mem=2560M
                #SBATCH --output=OUT/logs/merge_%j.out
                #SBATCH --chdir=OUT
                #SBATCH --kill-on-invalid-dep=yes
                set -eu
                exec /opt/jdk/bin/java -Xmx2048m -jar /opt/accelgen/accelgen.jar regress merge OUT --junit OUT/junit.xml
                """.replace("OUT", out.toString()), Files.readString(written.get(1)));
    }

    @Test
    void aDirectoryAnSbatchLineCannotNameIsRefused() {
        Path spaced = tmp.resolve("my run");
        assertEquals(spaced + ": #SBATCH lines cannot quote a path: use an output directory without spaces or shell characters",
                assertThrows(OutputPathError.class, () -> scripts(spaced)).getMessage());
    }

    @Test
    void scontrolRecordsParse() {
        String out = "JobId=7 ArrayJobId=6 ArrayTaskId=2 JobName=a UserId=root(0) JobState=FAILED Reason=NonZeroExitCode "
                + "Dependency=(null) ExitCode=3:0 RunTime=00:00:01\n"
                + "JobId=6 ArrayJobId=6 ArrayTaskId=3-4 JobName=a JobState=PENDING Reason=Resources ExitCode=0:0\n"
                + "JobId=9 JobName=m JobState=CANCELLED Reason=DependencyNeverSatisfied Dependency=afterok:6_*(failed) ExitCode=0:0\n";
        List<JobState> s = JobState.parse(out);
        assertEquals(new JobState("7", "2", "FAILED", "NonZeroExitCode", 3), s.get(0));
        assertEquals(new JobState("6", "3-4", "PENDING", "Resources", 0), s.get(1));
        assertEquals(new JobState("9", "", "CANCELLED", "DependencyNeverSatisfied", 0), s.get(2));
        assertEquals(List.of(true, false, true), s.stream().map(JobState::ended).toList());
    }
}
