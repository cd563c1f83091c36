package dev.accelgen.boards.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a bundle template (a resource under dev/accelgen/boards/templates/) whose placeholders are
 * {@code @@NAME@@}: a syntax that collides with neither Tcl, shell, Python nor C. Every placeholder must be
 * given and every given value used, so a renamed placeholder cannot silently leave text unfilled.
 */
public final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("@@([A-Z0-9_]+)@@");

    private Template() {
    }

    public static String render(String resource, Map<String, String> values) {
        String text = load(resource);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        TreeSet<String> used = new TreeSet<>();
        while (m.find()) {
            String key = m.group(1);
            String v = values.get(key);
            if (v == null) {
                throw new IllegalStateException("template " + resource + ": no value for @@" + key + "@@");
            }
            used.add(key);
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        TreeSet<String> unused = new TreeSet<>(values.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalStateException("template " + resource + ": values never used " + unused);
        }
        return out.toString();
    }

    public static String load(String resource) {
        try (InputStream in = Template.class.getResourceAsStream("/dev/accelgen/boards/templates/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing template resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
