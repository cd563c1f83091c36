package dev.accelgen.compiler.quant;

import dev.accelgen.errors.PlanError;
import dev.accelgen.errors.UserInputException;
import dev.accelgen.pe.mixpe.ActType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A precision scheme for a weight MatMul, named after the unit that executes it: {@code ternary} (BitLinear
 * lanes), {@code w{2,3,4,8}a{8,16}} (MixPE, group-wise weights) and {@code int8} or {@code int8-N:M} (INT8 MAC
 * array, optionally N:M sparse by magnitude pruning). {@code float} is the float interpreter's reference: no matrix
 * unit runs it, so a model runs on the accelerator only when none of its layers is float.
 */
public sealed interface Scheme {
    String label();

    record Float() implements Scheme {
        public String label() {
            return "float";
        }
    }

    record Ternary() implements Scheme {
        public String label() {
            return "ternary";
        }
    }

    /** Group-wise unsigned w-bit weights with per-group scale and zero point; a-bit signed activations. */
    record MixPe(int wBits, ActType act, int groupSize) implements Scheme {
        public MixPe {
            if (wBits != 2 && wBits != 3 && wBits != 4 && wBits != 8) {
                throw new IllegalArgumentException("w-bits must be 2, 3, 4 or 8 (got " + wBits + ")");
            }
            if (act == ActType.FP16) {
                throw new IllegalArgumentException("MixPE schemes take int8 or int16 activations (got fp16)");
            }
            if (groupSize < 1 || groupSize > 1024) {
                throw new IllegalArgumentException("group-size must be in 1..1024 (got " + groupSize + ")");
            }
        }

        public String label() {
            return "w" + wBits + "a" + act.portBits();
        }
    }

    /**
     * Per-channel int8 weights, per-tensor int8 activations; {@code n} of every {@code m} weights kept (0:0 dense).
     * The sparse patterns are the ones the DSP chain's sparse mode implements: 2:4, 1:4 and 2:8.
     */
    record Int8(int n, int m) implements Scheme {
        public Int8 {
            boolean supported = n == 0 && m == 0 || n == 2 && m == 4 || n == 1 && m == 4 || n == 2 && m == 8;
            if (!supported) {
                throw new IllegalArgumentException("int8 sparsity N:M must be 2:4, 1:4 or 2:8 (got " + n + ":" + m + ")");
            }
        }

        public boolean sparse() {
            return m > 0;
        }

        public String label() {
            return sparse() ? "int8-" + n + ":" + m : "int8";
        }
    }

    int DEFAULT_GROUP = 32;
    Pattern MIXPE = Pattern.compile("w([0-9]+)a(8|16)");
    Pattern SPARSE = Pattern.compile("int8-([0-9]+):([0-9]+)");

    static Scheme parse(String s) {
        try {
            return parseUnchecked(s);
        } catch (IllegalArgumentException | UserInputException e) {
            throw new PlanError("", e.getMessage().startsWith("scheme must") ? e.getMessage() : "scheme " + s + ": " + e.getMessage());
        }
    }

    private static Scheme parseUnchecked(String s) {
        if (s.equals("float")) {
            return new Float();
        }
        if (s.equals("ternary")) {
            return new Ternary();
        }
        if (s.equals("int8")) {
            return new Int8(0, 0);
        }
        Matcher m = MIXPE.matcher(s);
        if (m.matches()) {
            return new MixPe(Integer.parseInt(m.group(1)), m.group(2).equals("8") ? ActType.INT8 : ActType.INT16, DEFAULT_GROUP);
        }
        Matcher sp = SPARSE.matcher(s);
        if (sp.matches()) {
            return new Int8(Integer.parseInt(sp.group(1)), Integer.parseInt(sp.group(2)));
        }
        throw new IllegalArgumentException("scheme must be float, ternary, w{2,3,4,8}a{8,16}, int8 or int8-N:M (got " + s + ")");
    }
}
