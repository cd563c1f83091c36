package dev.accelgen.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Design;
import dev.accelgen.hdl.Hdl;
import dev.accelgen.hdl.ModuleBuilder;
import dev.accelgen.hdl.ModuleGen;
import dev.accelgen.sim.manifest.ManifestReader;
import dev.accelgen.sim.tools.VerilatorLint;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest hdl-gen writes is read and verified end to end. Public: hdl-gen reads the config record reflectively. */
public class HdlDesignTest {
    /** Registers x + 1 (wrapping at {@code width}) of every beat; always ready; result one cycle later. */
    public record IncConfig(int width) {
    }

    static final class IncGen implements ModuleGen<IncConfig> {
        @Override
        public String moduleName(IncConfig c) {
            return "sim_test_inc_w" + c.width();
        }

        @Override
        public void build(ModuleBuilder b, IncConfig c) {
            Bool inValid = b.input("in_valid", Bool.type());
            Bits x = b.input("in_x", Bits.type(c.width()));
            Bool inReady = b.output("in_ready", Bool.type());
            inReady.set(Bool.TRUE);
            Bool outValid = b.output("out_valid", Bool.type());
            outValid.set(b.regNext("valid_q", inValid, 0));
            Bits y = b.output("out_y", Bits.type(c.width()));
            y.set(b.regNext("y_q", x.asUInt().addWrap(Bits.lit(1, c.width()).asUInt()).asBits(), 0));
            b.stream("in", true, inValid, inReady, x);
            b.stream("out", false, outValid, null, y);
        }
    }

    @Test
    void generatedDesignVerifiesAgainstItsGolden(@TempDir Path dir) {
        long seed = 17;
        System.out.println("seed=" + seed);
        int width = 70;
        Design d = Hdl.elaborate(new IncGen(), new IncConfig(width));
        Random rng = new Random(seed);
        List<Beat> beats = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            beats.add(new Beat(rng.nextInt(3), Map.of("in_x", new BigInteger(width, rng))));
        }
        Stimulus s = new Stimulus(List.of(new StreamStimulus("in", beats)), seed);
        GoldenModel golden = st -> {
            List<OutputEvent> events = new ArrayList<>();
            long c = -1;
            for (Beat b : st.stream("in").beats()) {
                c += 1 + b.idleBefore();
                events.add(new OutputEvent(c + 1, "out", Map.of("out_y",
                        b.values().get("in_x").add(BigInteger.ONE).mod(BigInteger.ONE.shiftLeft(width)))));
            }
            return new Trace(events, c + 2, Fixtures.alwaysReady("in", st.stream("in").beats()), List.of());
        };
        VerifyResult r = Verifier.verify(d, dir, golden, s);
        assertTrue(r.passed(), r.summaryLine());
        assertEquals("PASS outputs=50 rtl_cycles=" + r.golden().totalCycles() + " golden_cycles="
                + r.golden().totalCycles(), r.summaryLine());
        assertTrue(VerilatorLint.lint(ManifestReader.read(dir.resolve(d.manifestFileName()))).clean());
    }
}
