package dev.accelgen.reports.svg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An HTML or SVG element: a name, attributes in the order they were set, and children (elements or text), written
 * with every attribute value and text escaped. The same tree always gives the same bytes.
 */
public final class Tag {
    private static final Set<String> VOID = Set.of("meta", "br", "hr", "img", "link", "col", "wbr");

    private final String name;
    private final Map<String, String> attrs = new LinkedHashMap<>();
    private final List<Object> children = new ArrayList<>();

    private Tag(String name) {
        if (!name.matches("[a-z][a-zA-Z0-9]*")) {
            throw new IllegalArgumentException("bad element name '" + name + "'");
        }
        this.name = name;
    }

    public static Tag of(String name) {
        return new Tag(name);
    }

    /** An element with one text child. */
    public static Tag of(String name, String text) {
        return new Tag(name).text(text);
    }

    public Tag attr(String key, String value) {
        if (!key.matches("[a-z][a-zA-Z0-9:-]*")) {
            throw new IllegalArgumentException("bad attribute name '" + key + "'");
        }
        attrs.put(key, value);
        return this;
    }

    /** A numeric attribute (a coordinate or a length), written by {@link Num#coord}. */
    public Tag attr(String key, double value) {
        return attr(key, Num.coord(value));
    }

    public Tag cls(String classes) {
        return attr("class", classes);
    }

    /** {@code data-<key>}: the machine-readable value behind a mark, read back by tests and tools. */
    public Tag data(String key, String value) {
        return attr("data-" + key, value);
    }

    public Tag text(String text) {
        if (VOID.contains(name)) {
            throw new IllegalStateException("<" + name + "> has no content");
        }
        children.add(text);
        return this;
    }

    public Tag add(Tag child) {
        if (VOID.contains(name)) {
            throw new IllegalStateException("<" + name + "> has no content");
        }
        children.add(child);
        return this;
    }

    public Tag addAll(List<Tag> more) {
        more.forEach(this::add);
        return this;
    }

    public String name() {
        return name;
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        render(sb);
        return sb.toString();
    }

    /** Elements with element children put each child on its own line; text stays inline. */
    public void render(StringBuilder sb) {
        sb.append('<').append(name);
        attrs.forEach((k, v) -> sb.append(' ').append(k).append("=\"").append(escape(v, true)).append('"'));
        sb.append('>');
        if (VOID.contains(name)) {
            return;
        }
        for (Object child : children) {
            if (child instanceof Tag t) {
                sb.append('\n');
                t.render(sb);
            } else {
                sb.append(escape((String) child, false));
            }
        }
        if (!children.isEmpty() && children.get(children.size() - 1) instanceof Tag) {
            sb.append('\n');
        }
        sb.append("</").append(name).append('>');
    }

    static String escape(String s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append("&#").append((int) c).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
