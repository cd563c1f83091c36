package dev.accelgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mixpe, ternary, mlgru and rmsnorm options of {@code accelgen pe}. */
class PeKindsCliTest {
    @TempDir
    Path tmp;

    private void badParameter(String message, String... args) {
        Path out = tmp.resolve("out");
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--out";
        full[args.length + 1] = out.toString();
        Cli r = Cli.run(full);
        assertEquals(2, r.exit());
        assertEquals("accelgen: error: " + message + "\n", r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void outOfRangeParametersAreOneLineExitTwo() {
        badParameter("w-bits must be one of 2, 3, 4, 8 (got 5)", "pe", "gen", "mixpe", "--w-bits", "5");
        badParameter("group must be >= 1 and divide lanes 8 (got 3)", "pe", "gen", "mixpe", "--group", "3", "--lanes", "8");
        badParameter("a-type must be one of int8, int16, fp16 (got bf16)", "pe", "gen", "mixpe", "--a-type", "bf16");
        badParameter("packing must be one of 2bit, base3 (got base4)", "pe", "gen", "ternary", "--packing", "base4");
        badParameter("lanes must be in 2..512 (got 1)", "pe", "gen", "ternary", "--lanes", "1");
        badParameter("hidden must be a multiple of lanes 8 and at most 512 (got 12)", "pe", "gen", "mlgru", "--hidden", "12");
        badParameter("n must be a power of two in 2..256 (got 48)", "pe", "gen", "rmsnorm", "--n", "48");
    }

    @Test
    void genWritesEachKind() throws IOException {
        String[][] kinds = {
            {"mixpe", "--w-bits", "4", "--a-type", "fp16", "--group", "4", "--lanes", "8"},
            {"ternary", "--lanes", "10", "--a-bits", "8", "--packing", "base3"},
            {"mlgru", "--lanes", "2", "--hidden", "8"},
            {"rmsnorm", "--n", "16", "--lanes", "4"}};
        String[] tops = {"mixpe_w4_fp16_g4_l8_c1", "ternary_l10_a8_base3", "mlgru_l2_h8", "rmsnorm_n16_l4_e1"};
        for (int k = 0; k < kinds.length; k++) {
            Path out = tmp.resolve(kinds[k][0]);
            String[] args = new String[kinds[k].length + 4];
            args[0] = "pe";
            args[1] = "gen";
            System.arraycopy(kinds[k], 0, args, 2, kinds[k].length);
            args[args.length - 2] = "--out";
            args[args.length - 1] = out.toString();
            Cli r = Cli.run(args);
            assertEquals(0, r.exit(), r.err());
            assertTrue(Files.isRegularFile(out.resolve(tops[k] + ".manifest.json")), tops[k]);
            assertTrue(Files.isRegularFile(out.resolve(tops[k] + ".v")), tops[k]);
        }
    }
}
