package dev.accelgen.cli.model;

import dev.accelgen.cli.MissingSubcommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code accelgen model inspect|run}: the dataflow compiler's front end on a model. */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Import a model (ONNX file, config.json or zoo:<name>), inspect it, run it in float and quantized.",
        subcommands = {ModelInspect.class, ModelRun.class})
public final class ModelCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, "a subcommand");
    }
}
