package dev.accelgen.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.reports.data.ReportData;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The report page in headless Chromium: it renders with no console message at all (a blocked load would log one:
 * the page forbids every fetch), the figures Chromium shows equal the JSON files', and a screenshot of each page
 * is written to target/report-screenshots/.
 */
class ReportPageChromiumTest {
    static final int WIDTH = 1280;

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
        Path png = Path.of("target", "report-screenshots", name + ".png").toAbsolutePath();
        Files.deleteIfExists(png);
        int height = pageHeight(Files.readString(dir.resolve(Reports.PAGE)));
        Chromium.Page page = Chromium.render(dir.resolve(Reports.PAGE), png, WIDTH, height);
        assertEquals(List.of(), page.console(), "console messages");
        Document dom = Jsoup.parse(page.dom());
        assertEquals("accelgen report: " + data.build().title(), dom.title());
        int checked = new PageFigures(dom, dir).check();
        assertPng(png, WIDTH, height);
        System.out.println("report page " + name + ": " + checked + " figures equal the JSON; screenshot " + png);
        return checked;
    }

    /** Tall enough for the whole page: the charts' heights plus room for text and tables. */
    private static int pageHeight(String html) {
        Matcher m = Pattern.compile("<svg [^>]*height=\"([\\d.]+)\"").matcher(html);
        double charts = 0;
        int n = 0;
        while (m.find()) {
            charts += Double.parseDouble(m.group(1));
            n++;
        }
        return (int) Math.min(16_000, 1_800 + charts + 130 * n);
    }

    private static void assertPng(Path png, int width, int height) throws IOException {
        assertTrue(Files.size(png) > 20_000, "screenshot " + png + " is " + Files.size(png) + " bytes");
        try (InputStream in = Files.newInputStream(png); DataInputStream d = new DataInputStream(in)) {
            byte[] sig = d.readNBytes(8);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, sig);
            d.readInt();
            assertEquals(0x49484452, d.readInt(), "IHDR");
            assertEquals(width, d.readInt());
            assertEquals(height, d.readInt());
        }
    }
}
