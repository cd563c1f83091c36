package dev.accelgen.boards.model;

import java.util.regex.Pattern;

/** Validation helpers for the board records: each failure is one line naming the parameter, the value and the rule. */
final class Check {
    private static final Pattern PIN = Pattern.compile("[A-Z]{1,2}[0-9]{1,2}");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[[0-9]+\\])?");

    private Check() {
    }

    static long positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " = " + value + " out of range, must be >= 1");
        }
        return value;
    }

    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " out of range, must be > 0");
        }
        return value;
    }

    static String nonBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing or blank, must be a non-empty string");
        }
        return value;
    }

    static String pin(String name, String value) {
        nonBlank(name, value);
        if (!PIN.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " = '" + value + "' is not a package pin, must look like AH18 or D5");
        }
        return value;
    }

    static String port(String name, String value) {
        nonBlank(name, value);
        if (!IDENT.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " = '" + value
                    + "' is not a Verilog port name, must look like led or led[0]");
        }
        return value;
    }
}
