package dev.accelgen.reports.html;

import dev.accelgen.reports.data.Provenance;
import dev.accelgen.reports.svg.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every report file of the build and where its figures come from (the page's own copy of provenance.json). */
final class FilesSection {
    private FilesSection() {
    }

    static Tag render(Map<String, List<Provenance>> sources) {
        List<List<Object>> rows = new ArrayList<>();
        sources.forEach((file, list) -> {
            Tag cell = Tag.of("td");
            list.forEach(p -> cell.add(Html.provenance(p)));
            rows.add(List.of(Tag.of("code", file), cell));
        });
        return Html.section("files", "Report files").add(Html.table(List.of("file", "figures from"), rows));
    }
}
