package dev.accelgen.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * A written report directory in headless Chromium: the page renders with no console message at all (a blocked load
 * would log one: the page forbids every fetch), its title is the build's, the figures Chromium shows equal the JSON
 * files' ({@link PageFigures}), and a screenshot of the whole page goes to target/report-screenshots/NAME.png. Used by
 * this module's tests and by the cli's on pages that real commands wrote.
 */
public final class PageCheck {
    static final int WIDTH = 1280;

    private PageCheck() {
    }

    /** Returns how many figures were compared with the JSON. */
    public static int renderAndCheck(String name, Path reportDir, String title) throws IOException, InterruptedException {
        Path png = Path.of("target", "report-screenshots", name + ".png").toAbsolutePath();
        Files.deleteIfExists(png);
        int height = pageHeight(Files.readString(reportDir.resolve(Reports.PAGE)));
        Chromium.Page page = Chromium.render(reportDir.resolve(Reports.PAGE), png, WIDTH, height);
        assertEquals(List.of(), page.console(), "console messages");
        Document dom = Jsoup.parse(page.dom());
        assertEquals("accelgen report: " + title, dom.title());
        int checked = new PageFigures(dom, reportDir).check();
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
