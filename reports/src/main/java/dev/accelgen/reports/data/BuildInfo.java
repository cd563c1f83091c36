package dev.accelgen.reports.data;

/**
 * What was built for which board ({@code build.json}, the one report-data file every build has). {@code scheme} is
 * the quantization scheme ("" when the build has none, e.g. a single unit).
 */
public record BuildInfo(String title, String model, String scheme, String accelgenVersion, BoardInfo board, DesignInfo design) {
    public BuildInfo {
        Check.text("title", title);
        Check.text("model", model);
        Check.present("scheme", scheme);
        Check.text("accelgen_version", accelgenVersion);
        Check.present("board", board);
        Check.present("design", design);
    }
}
