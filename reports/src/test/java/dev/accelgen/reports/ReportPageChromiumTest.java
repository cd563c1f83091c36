package dev.accelgen.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.accelgen.reports.data.ReportData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The report page in headless Chromium: it renders with no console message at all (a blocked load would log one:
 * the page forbids every fetch), the figures Chromium shows equal the JSON files', and a screenshot of each page
 * is written to target/report-screenshots/.
 */
class ReportPageChromiumTest {
    /**
     * Figures compared: 10 resource bars, 34 cycle and 18 utilization bars, 18 layers and 3 roofs on the roofline,
     * 10 context points, 10 quantization bars, 8 cycle bars and the verdict, 7 summary cards.
     */
    @Test
    void tinyLlamaCompiledAndVerifiedOnZcu104() throws Exception {
        assertEquals(119, renderAndCheck("tiny-llama-zcu104", ReportFixtures.tinyLlama()));
    }

    /** 5 modelled resource bars, 8 + 4 layer bars, 4 layers and 3 roofs, 12 context points, 4 summary cards. */
    @Test
    void llama7bEstimatedOnU280() throws Exception {
        assertEquals(40, renderAndCheck("llama2-7b-u280", ReportFixtures.llama7bU280()));
    }

    /** 5 Yosys resource bars, 2 cycle bars and the verdict, 2 summary cards. */
    @Test
    void aSystolicArrayAsMeasuredToday() throws Exception {
        assertEquals(10, renderAndCheck("systolic-8x8", ReportFixtures.systolicToday()));
    }

    /** Returns how many figures were compared with the JSON. */
    private static int renderAndCheck(String name, ReportData data) throws IOException, InterruptedException {
        Path dir = Path.of("target", "report-pages", name).toAbsolutePath();
        Reports.write(dir, data);
        return PageCheck.renderAndCheck(name, dir, data.build().title());
    }
}
