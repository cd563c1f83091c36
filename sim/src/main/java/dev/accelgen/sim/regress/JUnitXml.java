package dev.accelgen.sim.regress;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as CI dashboards read it (the Ant/Surefire/Jenkins form): one {@code <testsuite>} per run, one
 * {@code <testcase>} per case with {@code classname} = the case's group (unit kind) and {@code name} = its id.
 * A failing case has {@code <failure message="first mismatch line">} whose text is that line, the detail and
 * the reproducing command; a case that could not run has {@code <error>} in the same form.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    public static void write(RunReport report, Path file) {
        AtomicFiles.write(file, render(report));
    }

    public static String render(RunReport report) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            String tests = Integer.toString(report.results().size());
            String failures = Long.toString(report.count(CaseVerdict.Status.FAIL));
            String errors = Long.toString(report.count(CaseVerdict.Status.ERROR));
            String time = seconds(report.results().stream().mapToDouble(CaseResult::seconds).sum());
            x.writeStartElement("testsuites");
            attributes(x, "name", "accelgen regress " + report.suite().name(), "tests", tests, "failures", failures,
                    "errors", errors, "time", time);
            x.writeCharacters("\n  ");
            x.writeStartElement("testsuite");
            attributes(x, "name", report.suite().name(), "tests", tests, "failures", failures, "errors", errors,
                    "skipped", "0", "time", time);
            report.results().stream().map(CaseResult::finished).filter(f -> f != null)
                    .min(Comparator.naturalOrder()).ifPresent(t -> attribute(x, "timestamp", t.replace("Z", "")));
            x.writeCharacters("\n    ");
            x.writeStartElement("properties");
            property(x, "suite.ref", report.suite().ref());
            property(x, "suite.hash", report.suite().hash());
            property(x, "shards", report.shards());
            if (!report.suite().description().isEmpty()) {
                property(x, "suite.description", report.suite().description());
            }
            x.writeCharacters("\n    ");
            x.writeEndElement();
            for (CaseResult r : report.results()) {
                testcase(x, r);
            }
            x.writeCharacters("\n  ");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return text.toString();
    }

    private static void testcase(XMLStreamWriter x, CaseResult r) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        attributes(x, "name", r.id(), "classname", r.group(), "time", seconds(r.seconds()));
        if (!r.passed()) {
            x.writeCharacters("\n      ");
            x.writeStartElement(r.status() == CaseVerdict.Status.FAIL ? "failure" : "error");
            attributes(x, "message", r.summary(), "type", r.status() == CaseVerdict.Status.FAIL ? "mismatch" : "error");
            StringBuilder body = new StringBuilder(r.summary()).append('\n');
            if (!r.detail().isEmpty()) {
                body.append(r.detail().strip()).append('\n');
            }
            body.append("reproduce: ").append(r.reproduce());
            x.writeCharacters(xmlText(body.toString()));
            x.writeEndElement();
        }
        x.writeCharacters("\n      ");
        x.writeStartElement("system-out");
        x.writeCharacters(xmlText(r.describe() + "\n" + (r.passed() ? r.summary() + "\n" : "")));
        x.writeEndElement();
        x.writeCharacters("\n    ");
        x.writeEndElement();
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeEmptyElement("property");
        attributes(x, "name", name, "value", value);
    }

    private static void attributes(XMLStreamWriter x, String... nameValue) throws XMLStreamException {
        for (int i = 0; i < nameValue.length; i += 2) {
            x.writeAttribute(nameValue[i], xmlText(nameValue[i + 1]));
        }
    }

    private static void attribute(XMLStreamWriter x, String name, String value) {
        try {
            x.writeAttribute(name, xmlText(value));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops the characters XML 1.0 cannot carry (control characters from tool output). */
    static String xmlText(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
