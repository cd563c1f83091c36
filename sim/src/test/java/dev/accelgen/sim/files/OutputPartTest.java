package dev.accelgen.sim.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.accelgen.errors.OutputPathError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPartTest {
    @TempDir
    Path tmp;

    private Path build() {
        return OutputDir.write(tmp.resolve("build"), "--out", false, dir -> {
            write(dir.resolve("plan.json"), "{}\n");
            write(dir.resolve("report/old.json"), "{}\n");
        });
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesThePartAndListsItsNewFilesInTheMarker() throws IOException {
        Path build = build();
        Path part = OutputPart.rewrite(build, "report", "BUILD_DIR " + build, dir -> write(dir.resolve("new.html"), "x\n"));
        assertEquals(build.resolve("report"), part);
        assertEquals(List.of("new.html"), names(part));
        assertEquals(List.of(".accelgen-output", "plan.json", "report"), names(build), "no temporary directory left");
        assertEquals(OutputMarker.HEADER + "\nplan.json\nreport/\nreport/new.html\n", Files.readString(build.resolve(".accelgen-output")));
        OutputDir.check(build, "--out", true); // still an accelgen output that --force may replace
    }

    @Test
    void writesThePartWhenTheOutputHasNoneYet() throws IOException {
        Path build = OutputDir.write(tmp.resolve("b"), "--out", false, dir -> write(dir.resolve("plan.json"), "{}\n"));
        OutputPart.rewrite(build, "report", "BUILD_DIR " + build, dir -> write(dir.resolve("r.json"), "{}\n"));
        assertEquals(List.of("r.json"), names(build.resolve("report")));
    }

    @Test
    void refusesWhatAccelgenDidNotWriteAndChangesNothing() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        assertEquals("BUILD_DIR " + plain + ": is not an accelgen output (it has no .accelgen-output); give the directory an"
                + " accelgen command wrote", assertThrows(OutputPathError.class,
                        () -> OutputPart.rewrite(plain, "report", "BUILD_DIR " + plain, dir -> { })).getMessage());
        Path build = build();
        write(build.resolve("report/mine.txt"), "user file\n");
        assertEquals("BUILD_DIR " + build + ": holds files accelgen did not write (report/mine.txt); move them away first",
                assertThrows(OutputPathError.class, () -> OutputPart.rewrite(build, "report", "BUILD_DIR " + build,
                        dir -> write(dir.resolve("x"), "x"))).getMessage());
        assertEquals(List.of("mine.txt", "old.json"), names(build.resolve("report")));
    }

    @Test
    void aFailedWriteLeavesTheOldPart() throws IOException {
        Path build = build();
        assertThrows(IllegalStateException.class, () -> OutputPart.rewrite(build, "report", "BUILD_DIR " + build, dir -> {
            write(dir.resolve("half.json"), "{");
            throw new IllegalStateException("writer failed");
        }));
        assertEquals(List.of("old.json"), names(build.resolve("report")));
        assertEquals(List.of(".accelgen-output", "plan.json", "report"), names(build));
    }
}
