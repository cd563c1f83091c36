package dev.accelgen.sim.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.errors.OutputPathError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirTest {
    @TempDir
    Path tmp;

    private static final Consumer<Path> TWO_FILES = dir -> {
        try {
            Files.writeString(dir.resolve("a.v"), "module a; endmodule\n");
            Files.createDirectories(dir.resolve("sub"));
            Files.writeString(dir.resolve("sub/b.txt"), "b\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String refusal(Path target, boolean force) {
        return assertThrows(OutputPathError.class, () -> OutputDir.write(target, "--out", force, TWO_FILES)).getMessage();
    }

    @Test
    void writesANewDirectoryWithTheMarkerAndTheUsersUmask() throws IOException {
        Path out = OutputDir.write(tmp.resolve("new/out"), "--out", false, TWO_FILES);
        assertEquals(tmp.resolve("new/out"), out);
        assertEquals(List.of(".accelgen-output", "a.v", "sub"), names(out));
        assertEquals(OutputMarker.HEADER + "\na.v\nsub/\nsub/b.txt\n", Files.readString(out.resolve(".accelgen-output")));
        Path reference = Files.createDirectory(tmp.resolve("reference"));
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(out));
        assertEquals(List.of("new", "reference"), names(tmp), "no temporary directory left");
    }

    @Test
    void aDirectoryHoldingAUserFileIsRefusedAndUntouched() throws IOException {
        Path d = Files.createDirectory(tmp.resolve("d"));
        Files.writeString(d.resolve("notes.txt"), "x\n");
        String expected = "--out " + d + ": is a directory with files accelgen did not write (notes.txt); move them away"
                + " or give a new directory";
        assertEquals(expected, refusal(d, false));
        assertEquals(expected, refusal(d, true));
        assertEquals(List.of("notes.txt"), names(d));
        assertEquals("x\n", Files.readString(d.resolve("notes.txt")));
        assertEquals(List.of("d"), names(tmp));
    }

    @Test
    void anEarlierOutputIsReplacedOnlyWithForce() throws IOException {
        Path out = tmp.resolve("out");
        OutputDir.write(out, "--out", false, TWO_FILES);
        assertEquals("--out " + out + ": holds an earlier accelgen output; give --force to replace it", refusal(out, false));
        OutputDir.write(out, "--out", true, dir -> {
            try {
                Files.writeString(dir.resolve("c.v"), "c\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertEquals(List.of(".accelgen-output", "c.v"), names(out));
        assertEquals(List.of("out"), names(tmp), "the earlier output renamed aside is gone");
    }

    @Test
    void anEarlierOutputWithAUserFileAddedIsRefusedEvenWithForce() throws IOException {
        Path out = tmp.resolve("out");
        OutputDir.write(out, "--out", false, TWO_FILES);
        Files.writeString(out.resolve("sub/mine.txt"), "mine\n");
        assertEquals("--out " + out + ": holds an earlier accelgen output and files accelgen did not write (sub/mine.txt);"
                + " move them away or give a new directory", refusal(out, true));
        assertEquals("mine\n", Files.readString(out.resolve("sub/mine.txt")));
        assertTrue(Files.isRegularFile(out.resolve("a.v")));
    }

    @Test
    void anEmptyDirectoryIsUsed() throws IOException {
        Path out = Files.createDirectory(tmp.resolve("empty"));
        OutputDir.write(out, "--out", false, TWO_FILES);
        assertTrue(Files.isRegularFile(out.resolve("a.v")));
    }

    @Test
    void protectedPathsAreRefusedEvenWithForce() {
        assertEquals("--out: the path is empty; give a new directory", refusal(Path.of(""), true));
        assertEquals("--out .: is the current directory; give a new directory", refusal(Path.of("."), true));
        Path parent = Path.of("").toAbsolutePath().getParent();
        assertEquals("--out " + parent + ": contains the current directory; give a new directory", refusal(parent, true));
        assertEquals("--out /: is the file-system root; give a new directory", refusal(Path.of("/"), true));
        Path home = Path.of(System.getProperty("user.home"));
        assertEquals("--out " + home + ": is your home directory; give a new directory", refusal(home, true));
    }

    @Test
    void filesLinksAndPathsUnderAFileAreRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("f"), "keep\n");
        assertEquals("--out " + file + ": is a file, not a directory; give a new directory", refusal(file, true));
        assertEquals("--out " + file.resolve("sub") + ": cannot write (" + file + " is a file)", refusal(file.resolve("sub"), false));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), Files.createDirectory(tmp.resolve("target")));
        assertEquals("--out " + link + ": is a symbolic link; give a new directory", refusal(link, true));
        assertEquals("keep\n", Files.readString(file));
    }

    @Test
    void anUnwritableLocationIsAnOutputPathError() throws IOException {
        Path locked = Files.createDirectory(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        // root writes anywhere it has a mode for; /sys refuses even root
        Path parent = Files.isWritable(locked) ? Path.of("/sys") : locked;
        Path target = parent.resolve("accelgen-out");
        String message = refusal(target, false);
        assertTrue(message.equals("--out " + target + ": cannot write (permission denied)")
                || message.equals("--out " + target + ": cannot write (operation not permitted)"), message);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aFailingWriterLeavesNothingNotEvenTheParentsItCreated() throws IOException {
        Path out = tmp.resolve("a/b/out");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OutputDir.write(out, "--out", false, dir -> {
            TWO_FILES.accept(dir);
            throw new IllegalStateException("generator failed");
        }));
        assertEquals("generator failed", e.getMessage());
        assertEquals(List.of(), names(tmp));
    }

    @Test
    void checkRefusesBeforeAnyWork() throws IOException {
        Path d = Files.createDirectory(tmp.resolve("d"));
        Files.writeString(d.resolve("notes.txt"), "x\n");
        assertThrows(OutputPathError.class, () -> OutputDir.check(d, "--keep", true));
        assertEquals(tmp.resolve("fresh"), OutputDir.check(tmp.resolve("fresh"), "--keep", false));
        assertFalse(Files.exists(tmp.resolve("fresh")));
    }
}
