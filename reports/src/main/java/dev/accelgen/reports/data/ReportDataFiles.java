package dev.accelgen.reports.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.reports.json.JsonText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The report-data directory a build leaves ({@value #DIR}/ in a compile, verify or estimate output): one JSON file
 * per {@link ReportData} section, each an object whose first key is {@code "schema": "accelgen-report-data/1"}
 * followed by the section record's components in snake_case. {@code build.json} is required, the others are
 * written when the section is present. The layout is the contract in reports/README.md.
 */
public final class ReportDataFiles {
    public static final String DIR = "report-data";
    public static final String SCHEMA = "accelgen-report-data/1";
    public static final String BUILD = "build.json";
    /** No report-data file legitimately gets near this; a larger one is refused before it is parsed. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private static final Pattern MISSING = Pattern.compile("^Missing (?:required )?creator property '([^']+)'");

    private record Section<T>(String file, Class<T> type, Function<ReportData, T> get,
            BiFunction<ReportData, T, ReportData> with) {
        String text(ReportData data) {
            T value = get.apply(data);
            return value == null ? null : ReportDataFiles.text(value);
        }

        ReportData read(Path dir, ReportData data) {
            return with.apply(data, parse(dir.resolve(file), type));
        }
    }

    private static final List<Section<?>> SECTIONS = List.of(
            new Section<>("layers.json", LayerTable.class, ReportData::layers, ReportData::withLayers),
            new Section<>("resource-model.json", ResourceModel.class, ReportData::resourceModel, ReportData::withResourceModel),
            new Section<>("synthesis.json", Synthesis.class, ReportData::synthesis, ReportData::withSynthesis),
            new Section<>("performance.json", Performance.class, ReportData::performance, ReportData::withPerformance),
            new Section<>("verification.json", Verification.class, ReportData::verification, ReportData::withVerification),
            new Section<>("quantization.json", Quantization.class, ReportData::quantization, ReportData::withQuantization));

    private ReportDataFiles() {
    }

    /** Every file name the schema knows, {@code build.json} first. */
    public static List<String> fileNames() {
        List<String> names = new ArrayList<>(List.of(BUILD));
        SECTIONS.forEach(s -> names.add(s.file()));
        return names;
    }

    /** The files {@code data} becomes: name to text, in {@link #fileNames()} order. */
    public static Map<String, String> texts(ReportData data) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(BUILD, text(data.build()));
        for (Section<?> s : SECTIONS) {
            String t = s.text(data);
            if (t != null) {
                files.put(s.file(), t);
            }
        }
        return files;
    }

    /** Writes {@code data} into {@code dir} (created if missing). */
    public static void write(Path dir, ReportData data) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : texts(data).entrySet()) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report data into " + dir, e);
        }
    }

    /** Reads a report-data directory; every problem is a {@link ReportDataError} naming the file. */
    public static ReportData read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ReportDataError(dir.toString(), "is not a directory; give the output directory of accelgen"
                    + " compile, verify, estimate or demo (it holds " + DIR + "/)", null);
        }
        refuseUnknownFiles(dir);
        ReportData data = ReportData.of(parse(dir.resolve(BUILD), BuildInfo.class));
        for (Section<?> s : SECTIONS) {
            if (Files.exists(dir.resolve(s.file()))) {
                data = s.read(dir, data);
            }
        }
        return data;
    }

    static String text(Object section) {
        ObjectNode node = JsonText.object();
        node.put("schema", SCHEMA);
        node.setAll(JsonText.tree(section));
        return JsonText.write(node);
    }

    private static void refuseUnknownFiles(Path dir) {
        List<String> known = fileNames();
        try (Stream<Path> s = Files.list(dir)) {
            TreeSet<String> unknown = s.map(p -> p.getFileName().toString()).filter(n -> !known.contains(n))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!unknown.isEmpty()) {
                throw new ReportDataError(dir.resolve(unknown.first()).toString(), "is not a report-data file (known: "
                        + String.join(", ", known) + "); remove it or write it under one of those names", null);
            }
        } catch (IOException e) {
            throw new ReportDataError(dir.toString(), "cannot be listed (" + e.getMessage() + ")", e);
        }
    }

    private static <T> T parse(Path file, Class<T> type) {
        String name = file.toString();
        JsonNode node;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ReportDataError(name, "is missing; the command that wrote this directory writes it", null);
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ReportDataError(name, "is larger than " + (MAX_FILE_BYTES >> 20) + " MB, the limit of a"
                        + " report-data file", null);
            }
            node = JsonText.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            String what = e.getOriginalMessage().lines().findFirst().orElse("").replaceAll(" \\(start marker at .*", "");
            throw new ReportDataError(name, "is not valid JSON" + where + " (" + what + ")", e);
        } catch (IOException e) {
            throw new ReportDataError(name, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ReportDataError(name, "must hold one JSON object", null);
        }
        JsonNode schema = object.remove("schema");
        if (schema == null || !SCHEMA.equals(schema.asText())) {
            throw new ReportDataError(name, "has schema " + (schema == null ? "(none)" : "'" + schema.asText() + "'")
                    + ", this accelgen reads '" + SCHEMA + "'; rewrite it with the accelgen that reads it", null);
        }
        try {
            return JsonText.MAPPER.treeToValue(object, type);
        } catch (JsonProcessingException e) {
            throw new ReportDataError(name, problem(e), e);
        }
    }

    /** One line: where in the file ("layers[2].cycles") and what, our records' own messages preferred. */
    private static String problem(JsonProcessingException e) {
        StringBuilder path = new StringBuilder();
        if (e instanceof JsonMappingException m) {
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
        }
        String what;
        Matcher missing = MISSING.matcher(e.getOriginalMessage());
        if (e.getCause() instanceof IllegalArgumentException) {
            what = e.getCause().getMessage();
        } else if (e instanceof UnrecognizedPropertyException u) {
            what = "unknown key (known: " + u.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + ")";
        } else if (missing.find()) {
            if (!path.toString().endsWith(missing.group(1))) {
                path.append(path.length() == 0 ? "" : ".").append(missing.group(1));
            }
            what = "is missing";
        } else {
            what = e.getOriginalMessage().lines().findFirst().orElse("");
        }
        return (path.length() == 0 ? "" : path + ": ") + what;
    }
}
