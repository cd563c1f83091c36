package dev.accelgen.sim.regress;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Case ids: segments of lowercase letters, digits and {@code . _ : -} joined by {@code /}, e.g.
 * {@code mixpe/random/s11/c7}. They name result files ({@code /} becomes {@code +}, which no id contains), so
 * they are safe as file names and in a shell command without quoting.
 */
public final class CaseIds {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._:-]*(/[a-z0-9._:-]+)*");

    private CaseIds() {
    }

    /** The id, if well formed; a case type building a malformed id is a bug (IllegalStateException). */
    public static String check(String id) {
        if (id == null || !ID.matcher(id).matches() || id.contains("..")) {
            throw new IllegalStateException("malformed case id '" + id + "' (segments of a-z 0-9 . _ : - joined by /)");
        }
        return id;
    }

    /** One id segment made from free text: lowercase, anything outside the id alphabet becomes '-'. */
    public static String segment(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._:-]", "-").replace("..", "_");
        return s.isEmpty() || s.startsWith(".") || s.startsWith("-") ? "x" + s : s;
    }

    public static String fileName(String id) {
        return check(id).replace('/', '+') + ".json";
    }
}
