package dev.accelgen.sim.regress;

import dev.accelgen.errors.OptionError;
import dev.accelgen.sim.verilator.BuildOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * How to run a suite: which shard, how many batches at once ({@code jobs}: Verilator builds in parallel), where
 * results go ({@code out}, null for nowhere), whether to skip cases an earlier run finished ({@code resume}),
 * which cases only ({@code caseIds}, empty for all), and the build options and cost model.
 */
public record RunOptions(Shard shard, int jobs, Path out, boolean resume, List<String> caseIds, BuildOptions build,
                         CostModel costModel) {
    public static final int MAX_JOBS = 256;

    public RunOptions {
        caseIds = List.copyOf(caseIds);
        if (jobs < 1 || jobs > MAX_JOBS) {
            throw new OptionError("--jobs", "must be in 1.." + MAX_JOBS + " (got " + jobs + ")");
        }
        if (resume && out == null) {
            throw new OptionError("--resume", "needs --out DIR, the directory of the run to resume");
        }
        if (!caseIds.isEmpty() && shard.count() > 1) {
            throw new OptionError("--case", "runs the named cases whatever their shard; drop --shard");
        }
    }
}
