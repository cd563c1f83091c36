package dev.accelgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accelgen never deletes or overwrites what it did not write, whatever --out names. */
class OutputSafetyCliTest {
    @TempDir
    Path tmp;

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static void refused(Cli r, String message) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("accelgen: error: " + message + "\n", r.err());
    }

    @Test
    void genOnADirectoryHoldingAUserFileExitsTwoAndLeavesTheFile() throws IOException {
        Path d = Files.createDirectory(tmp.resolve("d"));
        Files.writeString(d.resolve("notes.txt"), "x\n");
        for (String[] extra : new String[][] {{}, {"--force"}}) {
            String[] args = new String[4 + extra.length + 1];
            System.arraycopy(new String[] {"pe", "gen", "systolic", "--out"}, 0, args, 0, 4);
            args[4] = d.toString();
            System.arraycopy(extra, 0, args, 5, extra.length);
            refused(Cli.run(java.util.Arrays.copyOf(args, 5 + extra.length)), "--out " + d
                    + ": is a directory with files accelgen did not write (notes.txt); move them away or give a new directory");
            assertEquals("x\n", Files.readString(d.resolve("notes.txt")));
            assertEquals(List.of("", "d", "d/notes.txt"), listing(tmp));
        }
    }

    @Test
    void emptyCurrentAndAncestorPathsAreRefusedAndNothingIsWritten() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        List<String> before;
        try (Stream<Path> s = Files.list(cwd)) {
            before = s.map(Path::toString).sorted().toList();
        }
        refused(Cli.run("pe", "gen", "systolic", "--out", ""), "--out: the path is empty; give a new directory");
        refused(Cli.run("pe", "gen", "systolic", "--out", ".", "--force"), "--out .: is the current directory; give a new directory");
        refused(Cli.run("pe", "gen", "systolic", "--out", "..", "--force"), "--out ..: contains the current directory; give a new directory");
        refused(Cli.run("pe", "gen", "systolic", "--out", "/"), "--out /: is the file-system root; give a new directory");
        try (Stream<Path> s = Files.list(cwd)) {
            assertEquals(before, s.map(Path::toString).sorted().toList());
        }
    }

    @Test
    void anEarlierOutputIsReplacedOnlyWithForce() throws IOException {
        Path out = tmp.resolve("sa");
        assertEquals(0, Cli.run("pe", "gen", "systolic", "--rows", "2", "--out", out.toString()).exit());
        assertTrue(Files.readString(out.resolve(".accelgen-output")).contains("\nsystolic_s8x8_acc32_r2_c4.v\n"));
        refused(Cli.run("pe", "gen", "systolic", "--rows", "3", "--out", out.toString()),
                "--out " + out + ": holds an earlier accelgen output; give --force to replace it");
        Cli forced = Cli.run("pe", "gen", "systolic", "--rows", "3", "--out", out.toString(), "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(Files.isRegularFile(out.resolve("systolic_s8x8_acc32_r3_c4.v")));
        assertTrue(Files.notExists(out.resolve("systolic_s8x8_acc32_r2_c4.v")), "the earlier output was replaced");
        assertEquals(List.of("sa"), listing(tmp).stream().filter(p -> !p.isEmpty() && !p.contains("/")).toList());
    }

    @Test
    void writeFailuresAreOneLineUserErrors() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "mine\n");
        refused(Cli.run("pe", "gen", "systolic", "--out", file.resolve("sub").toString()),
                "--out " + file.resolve("sub") + ": cannot write (" + file + " is a file)");
        refused(Cli.run("pe", "verify", "systolic", "--keep", file.toString()),
                "--keep " + file + ": is a file, not a directory; give a new directory");
        Cli sys = Cli.run("pe", "gen", "systolic", "--out", "/sys/accelgen-out");
        assertEquals(2, sys.exit());
        assertTrue(sys.err().matches("accelgen: error: --out /sys/accelgen-out: cannot write \\((operation not permitted|permission denied)\\)\n"),
                sys.err());
        assertEquals("mine\n", Files.readString(file));
    }

    @Test
    void generateAppliesTheSamePolicy() throws IOException {
        Path out = tmp.resolve("lab");
        Files.createDirectory(out);
        Files.writeString(out.resolve("notes.txt"), "x\n");
        refused(Cli.run("generate", "builtin:gemm", "--board", "zcu104", "--out", out.toString(), "--no-estimate", "--force"),
                "--out " + out + ": is a directory with files accelgen did not write (notes.txt); move them away or give a new directory");
        assertEquals(List.of("", "notes.txt"), listing(out));
    }
}
