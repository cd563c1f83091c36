package dev.accelgen.reports.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumTest {
    @Test
    void exactValuesParseBackToTheSameDouble() {
        assertEquals("12", Num.exact(12.0));
        assertEquals("0.125", Num.exact(0.125));
        assertEquals("1.0E-5", Num.exact(1e-5));
        assertEquals("-3", Num.exact(-3.0));
        for (double v : new double[] {0.1 + 0.2, 1 / 3.0, 123456.789, 2.5e-9}) {
            assertEquals(v, Double.parseDouble(Num.exact(v)));
        }
    }

    @Test
    void coordinatesHaveAtMostTwoDecimals() {
        assertEquals("1.23", Num.coord(1.2345));
        assertEquals("10", Num.coord(10.0));
        assertEquals("0", Num.coord(-0.0001));
        assertEquals("-2.5", Num.coord(-2.5));
    }

    @Test
    void humanFiguresGroupThousandsAndKeepThreeDigits() {
        assertEquals("230,400", Num.human(230_400));
        assertEquals("55.2", Num.human(55.234));
        assertEquals("0.0123", Num.human(0.012345));
        assertEquals("1,235", Num.human(1234.5));
        assertEquals("19.9%", Num.percent(0.19905));
        assertEquals("0", Num.sig(0, 3));
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertThrows(IllegalArgumentException.class, () -> Num.exact(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Num.coord(Double.POSITIVE_INFINITY));
    }
}
