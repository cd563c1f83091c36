package dev.accelgen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version Maven wrote into {@code accelgen.properties} at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/accelgen.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"accelgen " + p.getProperty("version", "unknown")};
    }
}
