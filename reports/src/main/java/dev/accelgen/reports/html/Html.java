package dev.accelgen.reports.html;

import dev.accelgen.reports.data.Provenance;
import dev.accelgen.reports.svg.Tag;
import java.util.List;

/** Building blocks of the page: sections, figures with their provenance, tables. */
final class Html {
    private Html() {
    }

    static Tag section(String id, String title) {
        return Tag.of("section").attr("id", id).add(Tag.of("h2", title));
    }

    /** A section whose data this build does not have, saying which command writes them. */
    static Tag absent(String id, String title, String what) {
        return section(id, title).add(Tag.of("p", what).cls("absent").data("absent", id));
    }

    /**
     * A chart with its caption: what it shows, then one line per source saying measured, modelled or specified,
     * the source and the command that reproduces it.
     */
    static Tag figure(String key, Tag chart, String caption, List<Provenance> sources) {
        Tag cap = Tag.of("figcaption").add(Tag.of("p", caption).cls("what"));
        StringBuilder kinds = new StringBuilder();
        for (Provenance p : sources) {
            cap.add(provenance(p));
            if (kinds.indexOf(p.kind().label()) < 0) {
                kinds.append(kinds.length() == 0 ? "" : " ").append(p.kind().label());
            }
        }
        return Tag.of("figure").data("figure", key).data("provenance", kinds.toString()).add(chart).add(cap);
    }

    /** "[measured] Yosys 0.23 ... reproduce: accelgen ..." */
    static Tag provenance(Provenance p) {
        return Tag.of("p").cls("source").data("kind", p.kind().label())
                .add(tag(p.kind()))
                .add(Tag.of("span", p.source()).cls("by"))
                .add(Tag.of("span", "reproduce:").cls("how"))
                .add(Tag.of("code", p.command()));
    }

    static Tag tag(Provenance.Kind kind) {
        return Tag.of("span", kind.label()).cls("prov " + kind.label());
    }

    /** A table; a cell is a String (text) or a Tag (a td or th built by the caller is used as is). */
    static Tag table(List<String> headers, List<List<Object>> rows) {
        Tag head = Tag.of("tr");
        headers.forEach(h -> head.add(Tag.of("th", h)));
        Tag body = Tag.of("tbody");
        for (List<Object> row : rows) {
            Tag tr = Tag.of("tr");
            for (Object cell : row) {
                tr.add(cell instanceof Tag t && (t.name().equals("td") || t.name().equals("th")) ? t
                        : cell instanceof Tag t ? Tag.of("td").add(t) : Tag.of("td", (String) cell));
            }
            body.add(tr);
        }
        return Tag.of("table").add(Tag.of("thead").add(head)).add(body);
    }

    /** A right-aligned number cell. */
    static Tag num(String text) {
        return Tag.of("td", text).cls("num");
    }

    /** A table folded away under a summary line (opens without script). */
    static Tag details(String summary, Tag table) {
        return Tag.of("details").add(Tag.of("summary", summary)).add(table);
    }
}
