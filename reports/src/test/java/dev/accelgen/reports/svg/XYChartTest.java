package dev.accelgen.reports.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class XYChartTest {
    private static XYChart roofline() {
        return new XYChart("roofline", new XYChart.Axis("ops/byte", true, Num::human), new XYChart.Axis("GOP/s", true, Num::human))
                .line("peak", "peak", "peak", List.of(new XYChart.Point("a", 1, 1000), new XYChart.Point("b", 100, 1000)), "peak",
                        Map.of("gops", "1000"))
                .points("decode", "decode", "layers", List.of(new XYChart.Point("q_proj", 10, 100)));
    }

    @Test
    void pointsSitWhereTheLogScalesPutThem() {
        String svg = roofline().render().render();
        // x decades 1..100 over LEFT..WIDTH-RIGHT, y decades 100..1000 over the plot height (legend one row)
        double x = XYChart.LEFT + 0.5 * (XYChart.WIDTH - XYChart.RIGHT - XYChart.LEFT);
        double yBottom = XYChart.HEIGHT - XYChart.BOTTOM;
        Matcher m = Pattern.compile("<circle cx=\"([\\d.]+)\" cy=\"([\\d.]+)\" r=\"4\" data-series=\"decode\" data-key=\"q_proj\""
                + " data-x=\"10\" data-y=\"100\">").matcher(svg);
        assertTrue(m.find(), svg);
        assertEquals(x, Double.parseDouble(m.group(1)), 0.006);
        assertEquals(yBottom, Double.parseDouble(m.group(2)), 0.006);
        assertTrue(svg.contains("<polyline class=\"line peak\" points=\"78,34 736,34\" data-series=\"peak\" data-gops=\"1000\">"), svg);
    }

    @Test
    void ticksAreLabelledAndOutputIsDeterministic() {
        String svg = roofline().render().render();
        for (String tick : List.of(">1<", ">10<", ">100<", ">1,000<")) {
            assertTrue(svg.contains(tick), tick);
        }
        assertEquals(svg, roofline().render().render());
    }

    @Test
    void refusesPointsALogAxisCannotShow() {
        XYChart c = new XYChart("t", new XYChart.Axis("x", true, Num::human), new XYChart.Axis("y", false, Num::human))
                .points("s", "run", null, List.of(new XYChart.Point("zero", 0, 1)));
        assertThrows(IllegalArgumentException.class, c::render);
        assertThrows(IllegalArgumentException.class, () -> c.points("s", "run", null, List.of(new XYChart.Point("n", Double.NaN, 1))));
    }
}
