package dev.accelgen.cli.regress;

import dev.accelgen.errors.OptionError;
import dev.accelgen.sim.regress.BatchSample;
import dev.accelgen.sim.regress.Calibration;
import dev.accelgen.sim.regress.CaseResult;
import dev.accelgen.sim.regress.ResultStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code accelgen regress calibrate DIR...}: fits the cost model to the batches measured in earlier runs. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit the regression cost model to the measured batches of earlier runs (their --out directories).")
public final class CalibrateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "output directories of earlier runs (--out)")
    List<Path> dirs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<CaseResult> results = new ArrayList<>();
        dirs.forEach(d -> results.addAll(ResultStore.existing(d).results().values()));
        List<BatchSample> samples = Calibration.samples(results);
        Calibration fit;
        try {
            fit = Calibration.fit(samples);
        } catch (IllegalArgumentException e) {
            throw new OptionError("DIR", e.getMessage() + "; run a suite with a fresh --cache first");
        }
        fit.lines().forEach(spec.commandLine().getOut()::println);
        return 0;
    }
}
