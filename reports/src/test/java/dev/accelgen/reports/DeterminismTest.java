package dev.accelgen.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byte-identical reports across processes: {@code accelgen report} runs in a new JVM, where anything that iterates
 * a hash-ordered collection (Map.of, Set.of: their order changes from JVM to JVM) would come out differently.
 */
class DeterminismTest {
    @TempDir
    Path tmp;

    @Test
    void anotherProcessWritesTheSameBytes() throws IOException, InterruptedException {
        RenderMain.main(new String[] {tmp.resolve("here").toString()});
        for (int run = 0; run < 2; run++) {
            Path there = tmp.resolve("there" + run);
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), RenderMain.class.getName(), there.toString())
                    .inheritIO().start();
            assertEquals(true, p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
            List<Path> files = files(tmp.resolve("here"));
            assertEquals(files, files(there));
            for (Path f : files) {
                assertEquals(Files.readString(tmp.resolve("here").resolve(f)), Files.readString(there.resolve(f)), f.toString());
            }
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
