package dev.accelgen.sim.regress;

import dev.accelgen.sim.verilator.BuildOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A regression run in a process of its own, for {@link KillResumeTest} to kill:
 * {@code ScriptedRunMain <suite.json> <out dir> <run log> <block at>}.
 */
public final class ScriptedRunMain {
    private ScriptedRunMain() {
    }

    public static void main(String[] args) throws Exception {
        Path suiteFile = Path.of(args[0]);
        Suite suite = SuiteReader.parse(Files.readString(suiteFile), suiteFile.getFileName().toString(), suiteFile.toString());
        CaseTypes types = CaseTypes.of(List.of(new ScriptedCaseType(Path.of(args[2]), 1, Integer.parseInt(args[3]))));
        RunOptions oneAtATime = new RunOptions(Shard.ALL, 1, Path.of(args[1]), false, List.of(), BuildOptions.DEFAULT,
                CostModel.DEFAULT);
        RegressRun.run(suite, types.expand(suite), oneAtATime, ProgressListener.NONE);
    }
}
