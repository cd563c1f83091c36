package dev.accelgen.cli.regress;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.errors.OptionError;
import dev.accelgen.sim.regress.Suite;
import dev.accelgen.sim.regress.SuiteReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds a suite by what the command line says: a built-in name ({@code smoke}, {@code nightly}, {@code sweep},
 * shipped in the jar) or a suite file. A file is named again by its absolute path, so the reproducing command of a
 * case and the Slurm scripts work from any directory.
 */
public final class SuiteSource {
    public static final List<String> BUILT_IN = List.of("smoke", "nightly", "sweep");

    private SuiteSource() {
    }

    public static Suite load(String arg) {
        if (BUILT_IN.contains(arg) && !Files.exists(Path.of(arg))) {
            return SuiteReader.parse(builtIn(arg), arg + ".json (built in)", arg);
        }
        Path file = Path.of(arg).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new OptionError(arg, "no such suite: name a built-in suite (" + String.join(", ", BUILT_IN)
                    + ") or a suite .json file");
        }
        try {
            return SuiteReader.parse(Files.readString(file), file.getFileName().toString(), file.toString());
        } catch (IOException e) {
            throw new ConfigError(file.toString(), "cannot read the suite (" + e.getMessage() + ")", e);
        }
    }

    private static String builtIn(String name) {
        try (InputStream in = SuiteSource.class.getResourceAsStream("suites/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("built-in suite " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in suite " + name, e);
        }
    }
}
