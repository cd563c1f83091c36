package dev.accelgen.sim.manifest;

import java.util.List;

/**
 * A valid/ready stream of a unit. {@code ready} is null for streams without back-pressure
 * (output streams only). {@code data} lists the data ports in the order values are written
 * and reported.
 */
public record ManifestStream(String name, ManifestPort.Direction direction, String valid, String ready,
                             List<String> data) {
    public ManifestStream {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("stream name must be an identifier, got '" + name + "'");
        }
        if (valid == null) {
            throw new IllegalArgumentException("stream '" + name + "' must name a valid port");
        }
        data = List.copyOf(data);
    }
}
