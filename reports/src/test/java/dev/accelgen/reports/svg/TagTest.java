package dev.accelgen.reports.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TagTest {
    @Test
    void escapesTextAndAttributes() {
        Tag t = Tag.of("p").attr("title", "a \"b\" <c> & d").text("x < y & \"z\"");
        assertEquals("<p title=\"a &quot;b&quot; &lt;c&gt; &amp; d\">x &lt; y &amp; \"z\"</p>", t.render());
    }

    @Test
    void controlCharactersBecomeReferences() {
        assertEquals("<p>a&#1;b\tc</p>", Tag.of("p", "a\u0001b\tc").render());
    }

    @Test
    void elementChildrenGoOnTheirOwnLinesAndVoidElementsHaveNoEndTag() {
        Tag t = Tag.of("head").add(Tag.of("meta").attr("charset", "utf-8")).add(Tag.of("title", "t"));
        assertEquals("<head>\n<meta charset=\"utf-8\">\n<title>t</title>\n</head>", t.render());
        assertThrows(IllegalStateException.class, () -> Tag.of("meta").text("x"));
    }

    @Test
    void attributesKeepTheirOrderAndNumbersAreCoordinates() {
        Tag t = Tag.of("rect").attr("y", 2.0).attr("x", 1.005).attr("width", -0.001).data("value", "3");
        assertEquals("<rect y=\"2\" x=\"1\" width=\"0\" data-value=\"3\"></rect>", t.render());
    }

    @Test
    void refusesNamesThatWouldBreakTheMarkup() {
        assertThrows(IllegalArgumentException.class, () -> Tag.of("a b"));
        assertThrows(IllegalArgumentException.class, () -> Tag.of("a").attr("on click", "x"));
        assertThrows(IllegalArgumentException.class, () -> Tag.of("a").attr("x\"y", "x"));
    }
}
