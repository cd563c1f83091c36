package dev.accelgen.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's {@code chromium}, installed by scripts/ensure-tools.sh) loading a local page once:
 * the DOM after rendering, every console message, and a screenshot. Background networking is off (its connection
 * attempts are refused on build machines) and every run gets a fresh profile directory.
 */
final class Chromium {
    /** A rendered page: the serialized DOM and the console messages Chromium logged ({@code "text", source: ...}). */
    record Page(String dom, List<String> console) {
    }

    private Chromium() {
    }

    static String executable() {
        String env = System.getenv("ACCELGEN_CHROMIUM");
        String exe = env != null && !env.isBlank() ? env : "chromium";
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (exe.contains("/") ? Files.isExecutable(Path.of(exe)) : Files.isExecutable(Path.of(dir, exe))) {
                return exe;
            }
        }
        throw new IllegalStateException("headless Chromium ('" + exe + "') is not installed: run scripts/ensure-tools.sh"
                + " (apt-get install chromium) or set ACCELGEN_CHROMIUM");
    }

    static Page render(Path html, Path screenshot, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("accelgen-chromium-");
        Path out = profile.resolveSibling(profile.getFileName() + ".dom");
        Path err = profile.resolveSibling(profile.getFileName() + ".log");
        try {
            Files.createDirectories(screenshot.getParent());
            List<String> cmd = new ArrayList<>(List.of(executable(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                    "--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + screenshot,
                    "--dump-dom", html.toUri().toString()));
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("chromium did not finish within 120 s");
            }
            String log = Files.readString(err, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("chromium exited " + p.exitValue() + ":\n" + log);
            }
            List<String> console = log.lines().filter(l -> l.contains(":CONSOLE")).toList();
            return new Page(Files.readString(out, StandardCharsets.UTF_8), console);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            try (Stream<Path> s = Files.walk(profile)) {
                for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
