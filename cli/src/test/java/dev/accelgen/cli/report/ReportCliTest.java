package dev.accelgen.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.accelgen.cli.Cli;
import dev.accelgen.reports.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCliTest {
    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesEveryReportFromTheDataAndAgainByteForByte() throws IOException {
        Path build = SmallReport.build(tmp.resolve("build"), true, "", "");
        Cli r = Cli.run("report", build.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("3 report files in " + build.resolve("report") + ": verification.json, provenance.json, report.html",
                "report: " + build.resolve("report/report.html")), r.outLines());
        Map<String, String> expected = Reports.files(SmallReport.data());
        for (Map.Entry<String, String> f : expected.entrySet()) {
            assertEquals(f.getValue(), Files.readString(build.resolve("report").resolve(f.getKey())), f.getKey());
        }
        assertEquals(0, Cli.run("report", build.toString()).exit());
        assertEquals(List.of("provenance.json", "report.html", "verification.json"), names(build.resolve("report")));
        for (Map.Entry<String, String> f : expected.entrySet()) {
            assertEquals(f.getValue(), Files.readString(build.resolve("report").resolve(f.getKey())), f.getKey());
        }
        Path copy = tmp.resolve("copy");
        assertEquals(0, Cli.run("report", build.toString(), "--out", copy.toString()).exit());
        assertEquals(List.of(".accelgen-output", "provenance.json", "report.html", "verification.json"), names(copy));
        assertEquals(expected.get(Reports.PAGE), Files.readString(copy.resolve(Reports.PAGE)));
    }

    @Test
    void aBrokenDataFileIsOneLineNamingTheFileAndNothingIsWritten() throws IOException {
        Path build = SmallReport.build(tmp.resolve("build"), true, "verification.json", "{\"schema\": \"accelgen-report-data/1\"}");
        Cli r = Cli.run("report", build.toString());
        assertEquals(2, r.exit());
        assertEquals("accelgen: error: " + build.resolve("report-data/verification.json") + ": rtl: is missing\n", r.err());
        assertFalse(Files.exists(build.resolve("report")));
    }

    @Test
    void refusesWhatIsNotABuildDirectory() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        assertEquals("accelgen: error: BUILD_DIR " + plain + ": has no report-data/: give the output directory of accelgen"
                + " compile, verify, estimate or demo (an output written before reports existed needs that command run"
                + " again)\n", Cli.run("report", plain.toString()).err());
        assertEquals("accelgen: error: BUILD_DIR " + tmp.resolve("none") + ": is not a directory; give the output directory"
                + " of accelgen compile, verify, estimate or demo\n", Cli.run("report", tmp.resolve("none").toString()).err());
        Path handMade = SmallReport.build(tmp.resolve("hand"), false, "", "");
        Cli r = Cli.run("report", handMade.toString());
        assertEquals(2, r.exit());
        assertEquals("accelgen: error: BUILD_DIR " + handMade + ": is not an accelgen output (it has no .accelgen-output);"
                + " give the directory an accelgen command wrote\n", r.err());
        assertEquals(List.of("report-data"), names(handMade));
        assertEquals("accelgen: error: --force: only applies with --out (BUILD_DIR/report is rewritten without it)\n",
                Cli.run("report", handMade.toString(), "--force").err());
    }
}
