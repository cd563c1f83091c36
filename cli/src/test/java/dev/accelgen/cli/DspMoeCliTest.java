package dev.accelgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code accelgen pe ... dsp-chain|moe}: the acceptance commands and the options' error messages. */
class DspMoeCliTest {
    @TempDir
    Path tmp;

    @Test
    void reportOfAnEightSliceInt8x2ChainShowsEightDspsAndSixteenMacs() {
        Cli r = Cli.run("pe", "report", "dsp-chain", "--length", "8", "--packing", "int8x2", "--sparsity", "dense", "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\"dsp48e2\": 8,"), r.out());
        assertTrue(r.out().contains("\"macs_per_cycle\": 16,"), r.out());
        assertTrue(r.out().contains("\"sparsity\": \"dense\""), r.out());
        // the skew registers map to 120 SRL16E, each a LUT site: LUT = 79 as logic + 120 as memory (Yosys 0.23)
        assertTrue(r.out().contains("\"lut\": 199,"), r.out());
        assertTrue(r.out().contains("\"lut_logic\": 79,"), r.out());
        assertTrue(r.out().contains("\"lut_shift_register\": 120,"), r.out());
        assertTrue(r.out().contains("\"lut_per_mac\": 12.438,"), r.out());
    }

    @Test
    void genWritesTheChainWithTheDspModelAsASimulationFile() throws Exception {
        Path out = tmp.resolve("chain");
        Cli r = Cli.run("pe", "gen", "dsp-chain", "--length", "4", "--packing", "int4x4", "--sparsity", "2:8", "--out",
                out.toString());
        assertEquals(0, r.exit(), r.err());
        String manifest = Files.readString(out.resolve("dsp_chain_l4_int4x4_s2of8.manifest.json"));
        assertTrue(manifest.contains("\"sim_files\": [\"DSP48E2.v\"]") || manifest.matches("(?s).*\"sim_files\"\\s*:\\s*\\[\\s*\"DSP48E2.v\"\\s*].*"),
                manifest);
        assertTrue(Files.isRegularFile(out.resolve("DSP48E2.v")));
    }

    @Test
    void verifyBothFamiliesOnRandomConfigurations() {
        Cli chain = Cli.run("pe", "verify", "dsp-chain", "--configs", "4", "--vectors", "10", "--seed", "5");
        assertEquals(0, chain.exit(), chain.out() + chain.err());
        assertTrue(chain.lastLine().matches("PASS outputs=40 rtl_cycles=(\\d+) golden_cycles=\\1 configs=4"), chain.lastLine());
        Cli moe = Cli.run("pe", "verify", "moe", "--experts", "6", "--top-k", "2", "--tokens", "8", "--expert-array",
                "systolic:2x2", "--d-model", "4", "--mem-latency", "40", "--mem-bytes-per-cycle", "1", "--vectors", "2",
                "--seed", "5");
        assertEquals(0, moe.exit(), moe.out() + moe.err());
        assertTrue(moe.lastLine().matches("PASS outputs=\\d+ rtl_cycles=(\\d+) golden_cycles=\\1"), moe.lastLine());
    }

    @Test
    void badChainAndMoeOptionsAreOneLineExitTwo() {
        Path out = tmp.resolve("never");
        Cli r = Cli.run("pe", "gen", "dsp-chain", "--sparsity", "3:4", "--out", out.toString());
        assertEquals(2, r.exit());
        assertEquals("accelgen: error: sparsity N:M must be 2:4, 1:4 or 2:8 (got 3:4)\n", r.err());
        r = Cli.run("pe", "gen", "dsp-chain", "--length", "6", "--sparsity", "block:4", "--out", out.toString());
        assertEquals("accelgen: error: length must be a multiple of B=4 for sparsity block:4 (got 6)\n", r.err());
        r = Cli.run("pe", "gen", "dsp-chain", "--packing", "int2x8", "--out", out.toString());
        assertEquals("accelgen: error: packing must be one of [none, int8x2, int4x4] (got int2x8)\n", r.err());
        r = Cli.run("pe", "gen", "moe", "--expert-array", "mixpe:2x2", "--out", out.toString());
        assertEquals(2, r.exit());
        assertEquals("accelgen: error: --expert-array must be systolic:ROWSxCOLS, e.g. systolic:2x4 (got mixpe:2x2)\n",
                r.err());
        r = Cli.run("pe", "gen", "moe", "--experts", "65", "--out", out.toString());
        assertEquals("accelgen: error: experts must be in 1..64 (got 65)\n", r.err());
        assertFalse(Files.exists(out));
    }
}
