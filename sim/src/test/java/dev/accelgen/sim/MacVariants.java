package dev.accelgen.sim;

import dev.accelgen.sim.manifest.Manifest;
import dev.accelgen.sim.manifest.ManifestReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Distinct configurations of the MAC fixture for bundle tests: variant k is module mac_pipe_v{k}
 * whose in_ready is low in cycles n mod 4 == k mod 4 (golden: {@code new MacGolden(shift, k % 4)}).
 */
public final class MacVariants {
    private MacVariants() {
    }

    public static Manifest write(Path dir, int k) {
        return write(dir, k, "");
    }

    /** With a comment line {@code header} prepended, e.g. a nonce that forces a cold build. */
    public static Manifest write(Path dir, int k, String header) {
        try {
            Path fixture = Fixtures.dir("mac");
            String name = "mac_pipe_v" + k;
            Path sub = Files.createDirectories(dir.resolve(name));
            Files.writeString(sub.resolve(name + ".v"), (header.isEmpty() ? "" : "// " + header + "\n")
                    + Files.readString(fixture.resolve("mac_pipe.v"))
                    .replace("module mac_pipe (", "module " + name + " (")
                    .replace("(phase != 2'd3)", "(phase != 2'd" + (k % 4) + ")"));
            Files.writeString(sub.resolve(name + ".manifest.json"), Files.readString(fixture.resolve("mac_pipe.manifest.json"))
                    .replace("\"mac_pipe\"", "\"" + name + "\"").replace("mac_pipe.v", name + ".v"));
            return ManifestReader.read(sub.resolve(name + ".manifest.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
