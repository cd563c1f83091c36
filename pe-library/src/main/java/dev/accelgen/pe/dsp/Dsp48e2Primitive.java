package dev.accelgen.pe.dsp;

import dev.accelgen.hdl.BlackBox;
import dev.accelgen.hdl.Bits;
import dev.accelgen.hdl.Bool;
import dev.accelgen.hdl.Instance;
import dev.accelgen.hdl.ModuleBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The DSP48E2 black box as generators instantiate it: the pins of the modelled subset (UG579 names) and
 * the behavioural model {@code DSP48E2.v}, which the manifest lists under {@code sim_files} only.
 */
public final class Dsp48e2Primitive {
    public static final String MODEL_FILE = "DSP48E2.v";
    public static final BlackBox BOX = define();

    private Dsp48e2Primitive() {
    }

    private static BlackBox define() {
        BlackBox box = BlackBox.named("DSP48E2")
                .in("CLK", 1).in("A", 30).in("B", 18).in("C", 48).in("D", 27)
                .in("INMODE", 5).in("OPMODE", 9).in("ALUMODE", 4).in("CARRYIN", 1).in("CARRYINSEL", 3)
                .in("PCIN", 48);
        for (String ce : Dsp48e2Pins.CE_PINS) {
            box = box.in(ce, 1);
        }
        for (String rst : Dsp48e2Pins.RST_PINS) {
            box = box.in(rst, 1);
        }
        return box.out("P", 48).out("PCOUT", 48).model(MODEL_FILE, modelSource());
    }

    /** The behavioural model's Verilog text. */
    public static String modelSource() {
        try (InputStream in = Dsp48e2Primitive.class.getResourceAsStream(MODEL_FILE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + MODEL_FILE + " missing from the pe-library jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An instance with its clock connected; the caller drives every other input pin. */
    public static Instance instantiate(ModuleBuilder b, String name, Dsp48e2Params params) {
        Instance dsp = b.blackBox(BOX, name, params.verilogParameters());
        dsp.<Bool>port("CLK").set(b.clock());
        return dsp;
    }

    /**
     * Drives constant OPMODE and ALUMODE pins, refusing at elaboration what UG579 forbids for these attributes
     * ({@link Dsp48e2Opmode}; CARRYINSEL is tied to 000 by {@link #tieStatic}).
     */
    public static void control(Instance dsp, Dsp48e2Params params, int opmode, int alumode) {
        Dsp48e2Opmode.check(params, opmode, alumode, 0);
        dsp.<Bits>port("OPMODE").set(Bits.lit(opmode, 9));
        dsp.<Bits>port("ALUMODE").set(Bits.lit(alumode, 4));
    }

    /**
     * Ties the pins a streaming datapath slice does not use: C, CARRYIN and CARRYINSEL to 0, every clock
     * enable to 1 and every reset to {@code reset}.
     */
    public static void tieStatic(Instance dsp, Bool reset) {
        dsp.<Bits>port("C").set(Bits.lit(0, 48));
        dsp.<Bool>port("CARRYIN").set(Bool.FALSE);
        dsp.<Bits>port("CARRYINSEL").set(Bits.lit(0, 3));
        for (String ce : Dsp48e2Pins.CE_PINS) {
            dsp.<Bool>port(ce).set(Bool.TRUE);
        }
        for (String rst : Dsp48e2Pins.RST_PINS) {
            dsp.<Bool>port(rst).set(reset);
        }
    }
}
