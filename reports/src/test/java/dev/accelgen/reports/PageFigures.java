package dev.accelgen.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Checks a rendered report page against the JSON report files beside it: every mark's data attributes equal the
 * JSON's figures, bars are as long as their values say, and every figure names its provenance and command.
 */
final class PageFigures {
    private static final Map<String, String> FINN_KEY = Map.of("lut", "LUT", "ff", "FF", "dsp", "DSP", "bram36", "BRAM_18K",
            "uram", "URAM");

    private final Document page;
    private final Path dir;
    private final ObjectMapper json = new ObjectMapper();

    PageFigures(Document page, Path dir) {
        this.page = page;
        this.dir = dir;
    }

    /** Number of marks checked against the JSON. */
    int check() throws IOException {
        int checked = 0;
        checked += resources();
        checked += layers();
        checked += roofline();
        checked += context();
        checked += quantization();
        checked += verification();
        checked += summary();
        captions();
        barsAreProportional();
        selfContained();
        return checked;
    }

    private JsonNode file(String name) throws IOException {
        Path f = dir.resolve(name);
        return Files.exists(f) ? json.readTree(f.toFile()) : null;
    }

    private int resources() throws IOException {
        JsonNode synth = file(Reports.SYNTHESIS);
        JsonNode model = file(Reports.LAYER_RESOURCES);
        int n = 0;
        for (Element bar : page.select("figure[data-figure=resources] rect.bar")) {
            String key = bar.attr("data-row");
            if (bar.attr("data-series").equals("measured")) {
                assertSame(synth.get("total").get(key), bar.attr("data-count"), "Yosys " + key);
                assertSame(synth.get("utilization").get(key), bar.attr("data-value"), "Yosys share " + key);
                assertSame(synth.get("budget").get(key), bar.attr("data-budget"), "budget " + key);
            } else {
                double count = model.get("total").get(FINN_KEY.get(key)).asDouble() / (key.equals("bram36") ? 2 : 1);
                assertEquals(count, Double.parseDouble(bar.attr("data-count")), "modelled " + key);
            }
            n++;
        }
        assertEquals((synth == null ? 0 : 5) + (model == null ? 0 : 5), n, "resource bars");
        return n;
    }

    private int layers() throws IOException {
        JsonNode cycles = file(Reports.LAYER_CYCLES);
        JsonNode perf = file(Reports.NETWORK_PERFORMANCE);
        if (cycles == null) {
            assertFalse(page.select("[data-absent=layers]").isEmpty(), "layers section marked absent");
            return 0;
        }
        Map<String, JsonNode> rows = byName(perf.get("layers"), "name");
        Set<String> drawn = new HashSet<>();
        Set<String> utilDrawn = new HashSet<>();
        for (Element bar : page.select("figure[data-figure^=layer-cycles-] rect.bar")) {
            String name = bar.attr("data-row");
            assertSame(cycles.get(name), bar.attr("data-value"), "cycles of " + name);
            assertEquals(rows.get(name).get("phase").asText(), bar.closest("figure").attr("data-figure").substring(13), name);
            drawn.add(name);
        }
        for (Element bar : page.select("figure[data-figure^=layer-utilization-] rect.bar")) {
            assertSame(rows.get(bar.attr("data-row")).get("utilization"), bar.attr("data-value"), "utilization of " + bar.attr("data-row"));
            utilDrawn.add(bar.attr("data-row"));
        }
        assertEquals(rows.keySet(), drawn, "every layer has a cycles bar");
        Set<String> matrix = new HashSet<>();
        rows.forEach((name, r) -> {
            if (r.has("utilization")) {
                matrix.add(name);
            }
        });
        assertEquals(matrix, utilDrawn, "every matrix layer has a utilization bar");
        return drawn.size() + utilDrawn.size();
    }

    private int roofline() throws IOException {
        JsonNode perf = file(Reports.NETWORK_PERFORMANCE);
        Elements points = page.select("figure[data-figure=roofline] circle");
        if (perf == null || !perf.has("layers")) {
            assertTrue(points.isEmpty());
            return 0;
        }
        Map<String, JsonNode> rows = byName(perf.get("layers"), "name");
        int placed = 0;
        for (JsonNode r : rows.values()) {
            placed += r.has("ops_per_byte") ? 1 : 0;
        }
        assertEquals(placed, points.size(), "layers on the roofline");
        for (Element p : points) {
            JsonNode r = rows.get(p.attr("data-key"));
            assertSame(r.get("ops_per_byte"), p.attr("data-x"), "intensity of " + p.attr("data-key"));
            assertSame(r.get("gops"), p.attr("data-y"), "GOP/s of " + p.attr("data-key"));
            assertEquals(r.get("phase").asText(), p.attr("data-series"));
        }
        if (placed > 0) {
            assertSame(perf.get("peak_gops"), one("figure[data-figure=roofline] polyline[data-series=peak]").attr("data-gops"), "peak");
            assertSame(perf.get("ports_gbps"), one("figure[data-figure=roofline] polyline[data-series=ports]").attr("data-gbps"), "ports");
            assertSame(perf.get("board_gbps"), one("figure[data-figure=roofline] polyline[data-series=board]").attr("data-gbps"), "board");
        }
        return placed + (placed > 0 ? 3 : 0);
    }

    private int context() throws IOException {
        JsonNode perf = file(Reports.NETWORK_PERFORMANCE);
        if (perf == null || !perf.has("sweep")) {
            assertTrue(page.select("figure[data-figure=prefill-latency]").isEmpty());
            return 0;
        }
        Map<String, JsonNode> sweep = byName(perf.get("sweep"), "context");
        Elements prefill = page.select("figure[data-figure=prefill-latency] circle");
        Elements decode = page.select("figure[data-figure=decode-throughput] circle");
        assertEquals(sweep.size(), prefill.size(), "prefill points");
        for (Element p : prefill) {
            assertSame(sweep.get(p.attr("data-key")).get("context"), p.attr("data-x"), "context");
            assertSame(sweep.get(p.attr("data-key")).get("prefill_ms"), p.attr("data-y"), "prefill ms at " + p.attr("data-key"));
        }
        for (Element p : decode) {
            assertSame(sweep.get(p.attr("data-key")).get("decode_tokens_per_s"), p.attr("data-y"), "tokens/s at " + p.attr("data-key"));
        }
        return prefill.size() + decode.size();
    }

    private int quantization() throws IOException {
        JsonNode q = file(Reports.QUANTIZATION);
        Elements bars = page.select("figure[data-figure=quantization] rect.bar");
        if (q == null) {
            assertTrue(bars.isEmpty());
            return 0;
        }
        Map<String, JsonNode> rows = byName(q.get("layers"), "name");
        rows.putAll(byName(q.get("outputs"), "name"));
        assertEquals(rows.size(), bars.size(), "quantization bars");
        for (Element bar : bars) {
            assertSame(rows.get(bar.attr("data-row")).get("max_rel"), bar.attr("data-value"), "max_rel of " + bar.attr("data-row"));
        }
        return bars.size();
    }

    private int verification() throws IOException {
        JsonNode v = file(Reports.VERIFICATION);
        if (v == null) {
            assertFalse(page.select("[data-absent=verification]").isEmpty());
            return 0;
        }
        assertEquals(v.get("status").asText(), one("[data-figure=verification-status]").attr("data-value"));
        Map<String, JsonNode> rows = byName(v.get("results"), "name");
        Elements bars = page.select("figure[data-figure=verification-cycles] rect.bar");
        assertEquals(2 * rows.size(), bars.size(), "golden and RTL bar per case");
        for (Element bar : bars) {
            String key = bar.attr("data-series").equals("golden") ? "golden_cycles" : "rtl_cycles";
            assertSame(rows.get(bar.attr("data-row")).get(key), bar.attr("data-value"), key + " of " + bar.attr("data-row"));
        }
        return bars.size() + 1;
    }

    private int summary() throws IOException {
        JsonNode perf = file(Reports.NETWORK_PERFORMANCE);
        JsonNode v = file(Reports.VERIFICATION);
        JsonNode q = file(Reports.QUANTIZATION);
        JsonNode synth = file(Reports.SYNTHESIS);
        Map<String, JsonNode> expected = new HashMap<>();
        if (perf != null) {
            for (String[] k : new String[][] {{"prefill-ms", "prefill_ms"}, {"decode-tokens-per-s", "decode_tokens_per_s"},
                    {"bandwidth-utilization", "bandwidth_utilization"}, {"clock", "clock_mhz"}}) {
                if (perf.has(k[1])) {
                    expected.put(k[0], perf.get(k[1]));
                }
            }
        }
        if (v != null) {
            expected.put("verification", v.get("status"));
        }
        if (q != null) {
            expected.put("worst-output-cosine", q.get("worst_output_cosine"));
        }
        if (synth != null) {
            double max = 0;
            for (JsonNode share : synth.get("utilization")) {
                max = Math.max(max, share.asDouble());
            }
            expected.put("resources-measured", json.getNodeFactory().numberNode(max));
        }
        for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
            assertSame(e.getValue(), one("[data-figure=summary-" + e.getKey() + "]").attr("data-value"), "summary " + e.getKey());
        }
        return expected.size();
    }

    /** Every figure says measured, modelled or specified, by what, and the command that reproduces it. */
    private void captions() {
        Elements figures = page.select("figure");
        assertFalse(figures.isEmpty());
        for (Element f : figures) {
            Elements sources = f.select("figcaption p.source");
            assertFalse(sources.isEmpty(), "figure " + f.attr("data-figure") + " has no source");
            Set<String> kinds = new HashSet<>();
            for (Element s : sources) {
                kinds.add(s.attr("data-kind"));
                assertEquals(s.attr("data-kind"), s.selectFirst("span.prov").text());
                assertTrue(s.selectFirst("code").text().startsWith("accelgen "), "command in " + f.attr("data-figure"));
            }
            assertEquals(kinds, Set.of(f.attr("data-provenance").split(" ")), f.attr("data-figure"));
        }
    }

    /** Within one bar chart, every bar's length over its value is the same (the longest bar sets the scale). */
    private void barsAreProportional() {
        for (Element svg : page.select("figure svg")) {
            Elements bars = svg.select("rect.bar");
            double maxValue = 0;
            double maxWidth = 0;
            for (Element bar : bars) {
                if (Double.parseDouble(bar.attr("data-value")) > maxValue) {
                    maxValue = Double.parseDouble(bar.attr("data-value"));
                    maxWidth = Double.parseDouble(bar.attr("width"));
                }
            }
            for (Element bar : bars) {
                double expected = maxValue == 0 ? 0 : Double.parseDouble(bar.attr("data-value")) * maxWidth / maxValue;
                assertEquals(expected, Double.parseDouble(bar.attr("width")), 0.011,
                        "bar " + bar.attr("data-row") + " in " + svg.closest("figure").attr("data-figure"));
            }
        }
    }

    /** Nothing to fetch: no scripts, no sources, only in-page links. */
    private void selfContained() {
        assertTrue(page.select("script, link, img, iframe, object, embed").isEmpty(), "external elements");
        for (Element a : page.select("[href]")) {
            assertTrue(a.attr("href").startsWith("#"), a.outerHtml());
        }
        assertTrue(page.select("[src]").isEmpty());
    }

    private Element one(String css) {
        Elements found = page.select(css);
        assertEquals(1, found.size(), css);
        return found.first();
    }

    private static Map<String, JsonNode> byName(JsonNode array, String key) {
        Map<String, JsonNode> m = new HashMap<>();
        array.forEach(n -> m.put(n.get(key).asText(), n));
        return m;
    }

    /** The attribute holds exactly the JSON's number (or text). */
    private static void assertSame(JsonNode expected, String actual, String what) {
        assertTrue(expected != null, what + ": not in the JSON");
        if (expected.isNumber()) {
            assertEquals(expected.asDouble(), Double.parseDouble(actual), what);
        } else {
            assertEquals(expected.asText(), actual, what);
        }
    }
}
