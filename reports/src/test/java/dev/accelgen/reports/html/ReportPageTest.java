package dev.accelgen.reports.html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.reports.ReportFixtures;
import dev.accelgen.reports.Reports;
import org.junit.jupiter.api.Test;

class ReportPageTest {
    @Test
    void theStylesheetSurvivesBeingWrittenAsText() {
        assertFalse(PageStyle.CSS.matches("(?s).*[<>&].*"), "the page writes its CSS escaped: '<', '>' and '&' would break it");
    }

    @Test
    void thePageForbidsLoadingAnythingAndNamesNoMachinePath() {
        String html = Reports.files(ReportFixtures.tinyLlama()).get(Reports.PAGE);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"), html.substring(0, 80));
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
                + " 'unsafe-inline'; img-src data:\">"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("/tmp/") || html.contains("/home/") || html.contains("/root/"));
    }
}
