package dev.accelgen.pe.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Hdl;
import dev.accelgen.pe.testutil.RtlChecks;
import dev.accelgen.sim.Beat;
import dev.accelgen.sim.Stimulus;
import dev.accelgen.sim.StreamStimulus;
import dev.accelgen.sim.VerifyResult;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.verilator.RunLimits;
import dev.accelgen.sim.verilator.VerilatorModel;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DSP48E2.v (in Verilator) against {@link Dsp48e2Model}, bit for bit and cycle for cycle: random pins over
 * six attribute sets in one build, packed-operand patterns (WP486 lane layout with sign extension) mixed in,
 * and the hand-computed examples of {@link Dsp48e2ModelTest} replayed through the Verilog.
 */
class Dsp48e2VerilogModelTest {
    private static final Dsp48e2Probe.Config CONFIG = new Dsp48e2Probe.Config(List.of(
            new Dsp48e2Params(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, true, 0x123456789ABL),
            new Dsp48e2Params(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, true, 0),
            new Dsp48e2Params(2, 2, 1, 1, 0, 1, 1, 0, 1, 0, 1, true, 0xFFFFFFFFFFFFL),
            new Dsp48e2Params(1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, false, 1L << 47),
            Dsp48e2Params.chainSlice(true),
            new Dsp48e2Params(2, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0, false, 77)));

    @Test
    void verilogModelMatchesJavaModelOnRandomAndPackedOperands(@TempDir Path tmp) throws Exception {
        long seed = Long.getLong("accelgen.seed", 10);
        System.out.println("seed=" + seed);
        Path manifest = RtlChecks.emitAndCheck(Hdl.elaborate(new Dsp48e2Probe(), CONFIG), tmp.resolve("rtl"));
        VerilatorModel model = VerilatorModel.build(ManifestReader.read(manifest));
        Dsp48e2ProbeGolden golden = new Dsp48e2ProbeGolden(CONFIG);
        VerifyResult random = dev.accelgen.sim.Verifier.verify(model, golden, randomStimulus(seed, 3000), RunLimits.DEFAULT);
        assertTrue(random.passed(), random.summaryLine() + "\n" + random.detail());
        VerifyResult examples = dev.accelgen.sim.Verifier.verify(model, golden, examples(), RunLimits.DEFAULT);
        assertTrue(examples.passed(), examples.summaryLine() + "\n" + examples.detail());
        // the Verilog itself against the hand-computed values (instance 3: MACC slice; 4: WP486 slice; 1: all combinational)
        List<dev.accelgen.sim.OutputEvent> rtl = examples.rtl().trace().events();
        long m48 = 1L << 48;
        assertEquals(BigInteger.valueOf(m48 - 45), rtl.get(5).values().get("p_3"));
        assertEquals(BigInteger.valueOf(5504989L), rtl.get(10).values().get("p_4"));
        assertEquals(BigInteger.valueOf(140), rtl.get(12).values().get("p_1"));
        assertEquals(BigInteger.valueOf(58), rtl.get(13).values().get("p_1"));
        assertEquals(BigInteger.valueOf(m48 - 8), rtl.get(14).values().get("p_1"));
        assertEquals(BigInteger.valueOf(m48 - 3), rtl.get(15).values().get("p_1"));
        assertEquals(BigInteger.valueOf(1L << 43), rtl.get(16).values().get("p_1"));
        assertEquals(rtl.get(16).values().get("p_1"), rtl.get(16).values().get("pcout_1"));
        assertTrue(Files.exists(manifest.resolveSibling(Dsp48e2Primitive.MODEL_FILE)));
    }

    static Stimulus randomStimulus(long seed, int beats) {
        Random rng = new Random(seed);
        List<Beat> list = new ArrayList<>();
        for (int i = 0; i < beats; i++) {
            list.add(new Beat(0, Dsp48e2ProbeGolden.values(randomPins(rng))));
        }
        return new Stimulus(List.of(new StreamStimulus("in", list)), seed);
    }

    private static Dsp48e2Pins randomPins(Random rng) {
        int x = rng.nextInt(4);
        int y = x == 1 ? 1 : new int[] {0, 2, 3}[rng.nextInt(3)];
        // Z=100 (MACC extend) and Z=111 are outside the model; every other selection is legal at PREG=1
        int z = new int[] {0, 1, 2, 3, 5, 6}[rng.nextInt(6)];
        int opmode = rng.nextInt(4) << 7 | z << 4 | y << 2 | x;
        long a;
        long b;
        long d;
        if (rng.nextBoolean()) {
            // WP486 layout: A = a1 << 18 sign-extended to 30 bits, D = a2 sign-extended to 27, B = w sign-extended to 18.
            a = (long) (rng.nextInt(256) - 128) << 18 & ((1L << 30) - 1);
            d = (long) (rng.nextInt(256) - 128) & ((1L << 27) - 1);
            b = (long) (rng.nextInt(256) - 128) & ((1L << 18) - 1);
        } else {
            a = rng.nextLong() & ((1L << 30) - 1);
            d = rng.nextLong() & ((1L << 27) - 1);
            b = rng.nextLong() & ((1L << 18) - 1);
        }
        int ce = rng.nextInt(4) == 0 ? rng.nextInt(1 << 13) : Dsp48e2Pins.CE_ALL;
        int rst = rng.nextInt(16) == 0 ? 1 << rng.nextInt(10) : 0;
        return new Dsp48e2Pins(a, b, rng.nextLong() & Dsp48e2Model.MASK48, d, rng.nextInt(32), opmode, rng.nextInt(4),
                rng.nextInt(2), 0, rng.nextLong() & Dsp48e2Model.MASK48, ce, rst);
    }

    /** The hand-computed pin sequences of {@link Dsp48e2ModelTest}, back to back. */
    private static Stimulus examples() {
        List<Beat> list = new ArrayList<>();
        int opM = 0b00_000_01_01;
        int opMacc = 0b00_010_01_01;
        for (int i = 0; i < 6; i++) {
            list.add(beat(Dsp48e2Pins.running(3, (1 << 18) - 5, 0, 0, 0, opMacc, 0, 0)));
        }
        for (int i = 0; i < 6; i++) {
            list.add(beat(Dsp48e2Pins.running(1072955392L, 262137L, 0, 5, 0b00100, opM, 0, 0)));
        }
        list.add(beat(Dsp48e2Pins.running(30, 2, 0, 100, 0b01100, opM, 0, 0)));
        list.add(beat(Dsp48e2Pins.running(6, 7, 100, 0, 0, 0b00_011_01_01, 0b0011, 0)));
        list.add(beat(Dsp48e2Pins.running(0, 0, 0, 0, 0, 0b00_101_00_00, 0, (1L << 48) - (1L << 20))));
        list.add(beat(Dsp48e2Pins.running(0x38000001L, (1 << 18) - 3, 0, 0, 0, opM, 0, 0)));
        list.add(beat(Dsp48e2Pins.running(1L << 26, 1L << 17, 0, 0, 0, opM, 0, 0)));
        return new Stimulus(List.of(new StreamStimulus("in", list)), -1);
    }

    private static Beat beat(Dsp48e2Pins p) {
        return new Beat(0, Dsp48e2ProbeGolden.values(p));
    }
}
