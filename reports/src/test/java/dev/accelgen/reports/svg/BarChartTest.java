package dev.accelgen.reports.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BarChartTest {
    private static final Pattern RECT = Pattern.compile("<rect class=\"bar (\\w+)\" x=\"([\\d.]+)\" y=\"[\\d.]+\" width=\"([\\d.]+)\""
            + " height=\"10\" data-row=\"(\\w+)\" data-series=\"(\\w+)\" data-value=\"([\\d.E-]+)\"[^>]*>");

    private static BarChart chart() {
        return new BarChart("Resources", List.of(new BarChart.Series("modelled", "modelled", "modelled"),
                new BarChart.Series("measured", "measured (Yosys)", "measured")), Num::percent)
                .row("lut", "LUT", List.of(new BarChart.Bar(0.2, "20%", Map.of("count", "46080", "budget", "230400")),
                        BarChart.Bar.of(0.25, "25%")))
                .row("dsp", "DSP", java.util.Arrays.asList(null, BarChart.Bar.of(0.036, "3.6%")))
                .reference(1.0, "budget");
    }

    @Test
    void everyBarCarriesItsValueAndALengthProportionalToIt() {
        String svg = chart().render().render();
        Matcher m = RECT.matcher(svg);
        List<String> seen = new ArrayList<>();
        double x0 = -1;
        while (m.find()) {
            seen.add(m.group(4) + "/" + m.group(5) + "=" + m.group(6));
            x0 = Double.parseDouble(m.group(2));
            double width = Double.parseDouble(m.group(3));
            // axis 0..1 (the reference) over WIDTH - RIGHT - x0 pixels
            double expected = Double.parseDouble(m.group(6)) * (BarChart.WIDTH - BarChart.RIGHT - x0);
            assertEquals(expected, width, 0.006, m.group());
        }
        assertEquals(List.of("lut/modelled=0.2", "lut/measured=0.25", "dsp/measured=0.036"), seen);
        // more data attributes come sorted by key (a Map.of would iterate in a different order in every JVM)
        assertTrue(svg.contains("data-row=\"lut\" data-series=\"modelled\" data-value=\"0.2\" data-budget=\"230400\""
                + " data-count=\"46080\""), svg);
        assertTrue(svg.contains("class=\"reference\""), svg);
        assertTrue(svg.contains("<title>LUT, measured (Yosys): 25%</title>"), svg);
    }

    @Test
    void theSameChartGivesTheSameBytes() {
        assertEquals(chart().render().render(), chart().render().render());
    }

    @Test
    void aLongLegendWrapsAndPushesThePlotDown() {
        List<BarChart.Series> many = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            many.add(new BarChart.Series("s" + i, "a fairly long series label " + i, "modelled"));
        }
        List<BarChart.Bar> bars = new ArrayList<>();
        many.forEach(s -> bars.add(BarChart.Bar.of(1, "1")));
        String svg = new BarChart("t", many, Num::human).row("r", "r", bars).render().render();
        assertTrue(svg.contains("<text x=\"") && svg.matches("(?s).*<rect class=\"swatch modelled\" x=\"[\\d.]+\" y=\"37\".*"), svg);
    }

    @Test
    void refusesBadValuesAndRowsOfTheWrongWidth() {
        assertThrows(IllegalArgumentException.class, () -> BarChart.Bar.of(-1, "x"));
        assertThrows(IllegalArgumentException.class, () -> BarChart.Bar.of(Double.NaN, "x"));
        assertThrows(IllegalArgumentException.class, () -> chart().row("x", "x", List.of(BarChart.Bar.of(1, "1"))));
    }
}
