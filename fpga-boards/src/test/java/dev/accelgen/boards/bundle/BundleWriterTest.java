package dev.accelgen.boards.bundle;

import dev.accelgen.errors.OutputPathError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleWriterTest {
    @TempDir
    Path tmp;

    private List<Path> leftovers() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().contains(".accelgen-tmp-")).toList();
        }
    }

    @Test
    void writesEveryFileAndMarksScriptsExecutable() throws Exception {
        Path out = tmp.resolve("b");
        BundleWriter.write(List.of(GeneratedFile.script("build.sh", "#!/bin/sh\n"), GeneratedFile.text("rtl/a.v", "x\n"),
                GeneratedFile.binary("golden/c.bin", new byte[] {1, 2})), out, false);
        assertTrue(Files.isExecutable(out.resolve("build.sh")));
        assertFalse(Files.isExecutable(out.resolve("rtl/a.v")));
        assertEquals(2, Files.size(out.resolve("golden/c.bin")));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void refusesANonEmptyDirectoryAndLeavesItAlone() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("mine.txt"), "keep");
        OutputPathError e = assertThrows(OutputPathError.class,
                () -> BundleWriter.write(List.of(GeneratedFile.text("a", "b")), out, true));
        assertEquals("--out " + out + ": is a directory with files accelgen did not write (mine.txt); move them away or"
                + " give a new directory", e.getMessage());
        assertEquals("keep", Files.readString(out.resolve("mine.txt")));
        assertFalse(Files.exists(out.resolve("a")));
    }

    @Test
    void aFailureHalfwayLeavesNoOutputAndNoTemporaryDirectory() throws Exception {
        Path out = tmp.resolve("never");
        // "x" as a file, then "x/y" needs x to be a directory: the second write fails (a bug, not the user's path).
        assertThrows(UncheckedIOException.class, () -> BundleWriter.write(
                List.of(GeneratedFile.text("x", "1"), GeneratedFile.text("x/y", "2")), out, false));
        assertFalse(Files.exists(out));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void treeListsDirectoriesWithBranches() {
        String tree = BundleWriter.tree("out", List.of(GeneratedFile.text("README.md", ""), GeneratedFile.text("rtl/a.v", ""),
                GeneratedFile.text("rtl/b.v", ""), GeneratedFile.text("host/c/x.c", "")));
        assertEquals("out\n├── README.md\n├── host/\n│   └── c/\n│       └── x.c\n└── rtl/\n    ├── a.v\n    └── b.v\n", tree);
    }
}
