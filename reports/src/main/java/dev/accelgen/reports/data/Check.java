package dev.accelgen.reports.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Compact-constructor checks of the report-data records; a failure names the field. */
final class Check {
    private Check() {
    }

    static void present(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
    }

    static void text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing or blank");
        }
    }

    static void nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " = " + fmt(value) + " out of range, must be a finite number >= 0");
        }
    }

    static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " = " + fmt(value) + " out of range, must be a finite number > 0");
        }
    }

    static void inRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " = " + fmt(value) + " out of range, must be in " + fmt(min) + ".."
                    + fmt(max));
        }
    }

    /** Whole numbers without ".0", as the JSON had them. */
    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A list that is present, holds no nulls, and whose {@code key}s are unique; returned as an immutable copy. */
    static <T> List<T> uniqueList(String field, List<T> list, Function<T, String> key) {
        present(field, list);
        Set<String> seen = new HashSet<>();
        for (T item : list) {
            present(field + " entry", item);
            if (!seen.add(key.apply(item))) {
                throw new IllegalArgumentException(field + " has two entries named '" + key.apply(item) + "'");
            }
        }
        return List.copyOf(list);
    }
}
