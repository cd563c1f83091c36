package dev.accelgen.sim.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the Verilog sources of several units for one build: identical files are kept once, and
 * a module defined by two files with different contents is an error (the build would silently pick
 * one definition and verify the wrong hardware).
 */
public final class ModuleNames {
    private static final Pattern COMMENTS = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern MODULE = Pattern.compile("\\b(?:module|macromodule)\\s+([A-Za-z_][A-Za-z0-9_$]*)");

    private ModuleNames() {
    }

    /** Module names declared in Verilog source text, in order. */
    public static List<String> declaredIn(String verilog) {
        Matcher m = MODULE.matcher(COMMENTS.matcher(verilog).replaceAll(" "));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The distinct files, in first-seen order; throws on a module defined differently by two files. */
    public static List<Path> dedupe(List<Path> files) {
        Map<String, Path> definedBy = new LinkedHashMap<>();
        Map<Path, byte[]> kept = new LinkedHashMap<>();
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
            if (kept.values().stream().anyMatch(b -> Arrays.equals(b, bytes))) {
                continue;
            }
            for (String module : declaredIn(new String(bytes, StandardCharsets.UTF_8))) {
                Path other = definedBy.putIfAbsent(module, f);
                if (other != null) {
                    throw new IllegalArgumentException("module '" + module + "' is defined differently by " + other
                            + " and " + f + "; units in one bundle must agree on every module they share"
                            + " (give differing configurations distinct module names)");
                }
            }
            kept.put(f, bytes);
        }
        return List.copyOf(kept.keySet());
    }
}
