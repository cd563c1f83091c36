package dev.accelgen.cli.report;

import dev.accelgen.reports.data.BoardInfo;
import dev.accelgen.reports.data.BuildInfo;
import dev.accelgen.reports.data.DesignInfo;
import dev.accelgen.reports.data.Provenance;
import dev.accelgen.reports.data.ReportData;
import dev.accelgen.reports.data.ReportDataFiles;
import dev.accelgen.reports.data.Resources;
import dev.accelgen.reports.data.Verification;
import dev.accelgen.reports.data.VerificationCase;
import dev.accelgen.sim.files.OutputDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A build directory with report data, as a verify run leaves it (for the report command's tests and fuzz cases). */
public final class SmallReport {
    private SmallReport() {
    }

    public static ReportData data() {
        String cmd = "accelgen pe verify ternary --lanes 16 --seed 3";
        return ReportData.of(new BuildInfo("ternary 16 lanes on zcu104", "ternary 16", "", "0.1.0",
                        new BoardInfo("zcu104", "xczu7ev-ffvc1156-2-e", new Resources(230_400, 460_800, 1_728, 312, 96),
                                "PS_DDR4, 1 x 17.0 GB/s", 17, Provenance.specified("board data", "accelgen boards show zcu104")),
                        new DesignInfo(100, 16, List.of(), Provenance.specified("unit configuration", cmd))))
                .withVerification(new Verification(Provenance.measured("Verilator 5.006", cmd), Provenance.modelled("golden model", cmd),
                        Map.of("verilator", "Verilator 5.006"), List.of(new VerificationCase("ternary 16", VerificationCase.Level.UNIT,
                                true, 58, 58, 20, 3, cmd, ""))));
    }

    /** The report-data files of {@link #data()} with {@code replace(file, text)} applied, in an accelgen output or a plain directory. */
    public static Path build(Path dir, boolean accelgenOutput, String file, String text) {
        if (accelgenOutput) {
            return OutputDir.write(dir, "--out", false, d -> files(d, file, text));
        }
        files(dir, file, text);
        return dir;
    }

    private static void files(Path dir, String replaced, String text) {
        try {
            Path data = Files.createDirectories(dir.resolve(ReportDataFiles.DIR));
            for (Map.Entry<String, String> f : ReportDataFiles.texts(data()).entrySet()) {
                Files.writeString(data.resolve(f.getKey()), f.getKey().equals(replaced) ? text : f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
