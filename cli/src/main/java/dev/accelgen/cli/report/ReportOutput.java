package dev.accelgen.cli.report;

import dev.accelgen.reports.Reports;
import dev.accelgen.reports.data.ReportData;
import dev.accelgen.reports.data.ReportDataFiles;
import java.nio.file.Path;

/**
 * How a command leaves its report in its output directory: the data in {@code report-data/} (the source of truth,
 * see reports/README.md) and every report generated from it in {@code report/}; {@code accelgen report DIR}
 * writes the second from the first again.
 */
public final class ReportOutput {
    private ReportOutput() {
    }

    /** Writes both into {@code dir}; returns the page. */
    public static Path write(Path dir, ReportData data) {
        ReportDataFiles.write(dir.resolve(ReportDataFiles.DIR), data);
        Reports.write(dir.resolve(Reports.DIR), data);
        return dir.resolve(Reports.DIR).resolve(Reports.PAGE);
    }
}
