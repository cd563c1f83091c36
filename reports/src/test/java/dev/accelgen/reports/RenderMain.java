package dev.accelgen.reports;

import java.nio.file.Path;

/** Writes the fixtures' reports into {@code args[0]}/<name>/, for the cross-process determinism test. */
public final class RenderMain {
    private RenderMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Reports.write(dir.resolve("tiny"), ReportFixtures.tinyLlama());
        Reports.write(dir.resolve("llama7b"), ReportFixtures.llama7bU280());
        Reports.write(dir.resolve("systolic"), ReportFixtures.systolicToday());
    }
}
