package dev.accelgen.sim.regress.slurm;

import java.util.Locale;

/**
 * What each array task asks Slurm for. {@code minutes}: twice the estimated wall time of the largest shard plus
 * 10 minutes (covers slower nodes and estimate error; a task over its limit is killed, and a resubmission with
 * {@code --resume} keeps what it finished). {@code memoryMb}: the JVM heap, 512 MB for the rest of the JVM, and
 * per parallel build Verilator's and the C++ compiler's peak for the largest batch ({@link #buildMemoryMb}). The
 * merge job needs only the JVM.
 */
public record SlurmRequest(int tasks, int cpusPerTask, int minutes, int memoryMb, int mergeMemoryMb) {
    public SlurmRequest {
        if (tasks < 1 || cpusPerTask < 1 || minutes < 1 || memoryMb < 1 || mergeMemoryMb < 1) {
            throw new IllegalArgumentException("a Slurm request needs positive tasks, cpus, minutes and memory");
        }
    }

    public static SlurmRequest of(int tasks, int jobs, double largestShardWallSeconds, long largestBatchRtlBytes, int heapMb) {
        int minutes = (int) Math.ceil((2 * largestShardWallSeconds + 600) / 60);
        int memory = heapMb + 512 + jobs * buildMemoryMb(largestBatchRtlBytes);
        return new SlurmRequest(tasks, jobs, minutes, memory, heapMb + 512);
    }

    /**
     * Peak memory of one Verilator build, twice the measured: GNU time gave 186, 232, 246 and 294 MB for bundles of
     * 223 KB, 476 KB, 979 KB and 2.5 MB of Verilog (about 180 MB + 0.047 MB per KB), so 400 MB + 0.1 MB per KB.
     */
    static int buildMemoryMb(long rtlBytes) {
        return (int) Math.ceil(400 + 0.1 * rtlBytes / 1e3);
    }

    /** {@code --time} in Slurm's H:MM:SS. */
    public String time() {
        return String.format(Locale.ROOT, "%d:%02d:00", minutes / 60, minutes % 60);
    }
}
