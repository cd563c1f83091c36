package dev.accelgen.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accelgen.reports.data.Provenance;
import dev.accelgen.reports.data.ReportData;
import dev.accelgen.reports.html.ReportPage;
import dev.accelgen.reports.json.FinnJson;
import dev.accelgen.reports.json.JsonText;
import dev.accelgen.reports.json.ProvenanceJson;
import dev.accelgen.reports.json.QuantizationJson;
import dev.accelgen.reports.json.SynthesisJson;
import dev.accelgen.reports.json.VerificationJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every report file of a build, from its {@link ReportData}: FINN's three estimate files, ours
 * ({@code verification.json}, {@code synthesis_resources.json}, {@code quantization_error.json}),
 * {@code provenance.json} and the page {@value #PAGE}. A file whose section is absent is not written. The same data
 * always give the same bytes.
 */
public final class Reports {
    /** The directory of a build output that holds the reports. */
    public static final String DIR = "report";
    public static final String PAGE = "report.html";
    public static final String LAYER_CYCLES = "estimate_layer_cycles.json";
    public static final String LAYER_RESOURCES = "estimate_layer_resources.json";
    public static final String NETWORK_PERFORMANCE = "estimate_network_performance.json";
    public static final String VERIFICATION = "verification.json";
    public static final String SYNTHESIS = "synthesis_resources.json";
    public static final String QUANTIZATION = "quantization_error.json";
    public static final String PROVENANCE = "provenance.json";

    private Reports() {
    }

    /** File name to content, in a fixed order. */
    public static Map<String, String> files(ReportData data) {
        Map<String, JsonNode> json = new LinkedHashMap<>();
        Map<String, List<Provenance>> sources = new LinkedHashMap<>();
        if (data.layers() != null) {
            add(json, sources, LAYER_CYCLES, FinnJson.layerCycles(data.layers()), data.layers().provenance());
        }
        if (data.resourceModel() != null) {
            add(json, sources, LAYER_RESOURCES, FinnJson.layerResources(data.resourceModel()), data.resourceModel().provenance());
        }
        NetworkFigures.of(data).ifPresent(f -> add(json, sources, NETWORK_PERFORMANCE,
                FinnJson.networkPerformance(f, data.layers(), data.performance()), networkSources(data)));
        if (data.verification() != null) {
            add(json, sources, VERIFICATION, VerificationJson.of(data.verification()), data.verification().rtl(),
                    data.verification().golden());
        }
        if (data.synthesis() != null) {
            List<Provenance> p = new ArrayList<>(List.of(data.synthesis().provenance(), data.build().board().provenance()));
            if (data.resourceModel() != null) {
                p.add(data.resourceModel().provenance());
            }
            add(json, sources, SYNTHESIS, SynthesisJson.of(data.synthesis(), data.build().board(), data.resourceModel()),
                    p.toArray(Provenance[]::new));
        }
        if (data.quantization() != null) {
            add(json, sources, QUANTIZATION, QuantizationJson.of(data.quantization()), data.quantization().provenance());
        }
        List<Provenance> all = new ArrayList<>();
        sources.values().forEach(list -> list.stream().filter(p -> !all.contains(p)).forEach(all::add));
        if (all.isEmpty()) {
            all.add(data.build().board().provenance());
        }
        sources.put(PAGE, all);
        Map<String, String> files = new LinkedHashMap<>();
        json.forEach((name, node) -> files.put(name, JsonText.write(node)));
        files.put(PROVENANCE, JsonText.write(ProvenanceJson.of(sources)));
        files.put(PAGE, ReportPage.render(data, sources));
        return files;
    }

    /** Writes {@link #files} into {@code dir} (created if missing). */
    public static void write(Path dir, ReportData data) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files(data).entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports into " + dir, e);
        }
    }

    private static Provenance[] networkSources(ReportData data) {
        List<Provenance> p = new ArrayList<>();
        p.add(data.performance() != null ? data.performance().provenance() : data.layers().provenance());
        if (data.layers() != null && !p.contains(data.layers().provenance())) {
            p.add(data.layers().provenance());
        }
        p.add(data.build().design().provenance());
        p.add(data.build().board().provenance());
        if (data.resourceModel() != null) {
            p.add(data.resourceModel().provenance());
        }
        return p.toArray(Provenance[]::new);
    }

    private static void add(Map<String, JsonNode> json, Map<String, List<Provenance>> sources, String file, JsonNode node,
            Provenance... provenance) {
        json.put(file, node);
        sources.put(file, List.of(provenance));
    }
}
