package dev.accelgen.sim.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The JUnit XML reads back through Maven Surefire's own report parser (the reader behind maven-surefire-report-plugin
 * and failsafe) as one testcase per case, grouped by classname, failures and errors where they belong; the exact
 * failure text is read with the JDK's XML parser (Surefire's trims text around entities).
 */
class JUnitXmlTest {
    @TempDir
    Path tmp;

    /** Every testcase of a JUnit XML file by name, read with Surefire's parser (which also checks the counts). */
    static Map<String, ReportTestCase> testcases(Path xml) throws Exception {
        TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
        List<ReportTestSuite> suites = parser.parse(xml.toString());
        assertTrue(parser.isValid(), "Surefire's parser rejects " + xml);
        Map<String, ReportTestCase> out = new TreeMap<>();
        for (ReportTestSuite s : suites) {
            assertEquals(s.getTestCases().size(), s.getNumberOfTests(), s.getFullClassName());
            assertEquals(s.getTestCases().stream().filter(ReportTestCase::hasFailure).count(), s.getNumberOfFailures());
            assertEquals(s.getTestCases().stream().filter(ReportTestCase::hasError).count(), s.getNumberOfErrors());
            s.getTestCases().forEach(c -> out.put(c.getName(), c));
        }
        return out;
    }

    /** The text of the failure or error element of testcase {@code name}, read with the JDK's parser. */
    static String failureText(Path xml, String name) throws Exception {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        var cases = d.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").equals(name)) {
                var f = c.getElementsByTagName("failure").getLength() > 0 ? c.getElementsByTagName("failure")
                        : c.getElementsByTagName("error");
                return f.getLength() == 0 ? null : f.item(0).getTextContent();
            }
        }
        throw new AssertionError("no testcase " + name + " in " + xml);
    }

    @Test
    void everyCaseIsATestcaseAndFailuresCarryTheMismatchAndTheCommand() throws Exception {
        Suite suite = SuiteReader.parse(RegressRunTest.SUITE, "scripted.json", "/suites/scripted.json");
        RunReport r = RegressRun.run(suite, ScriptedCaseType.types(tmp.resolve("log"), 3).expand(suite),
                RegressRunTest.options(Shard.ALL, null, false, List.of()), ProgressListener.NONE);
        Path xml = tmp.resolve("junit.xml");
        JUnitXml.write(r, xml);

        Map<String, ReportTestCase> cases = testcases(xml);
        assertEquals(12, cases.size());
        assertEquals(List.of("alpha/c1", "beta/c4"), cases.values().stream().filter(ReportTestCase::hasFailure)
                .map(ReportTestCase::getName).toList());
        assertEquals(List.of("alpha/c3"), cases.values().stream().filter(ReportTestCase::hasError).map(ReportTestCase::getName).toList());
        ReportTestCase fail = cases.get("alpha/c1");
        assertEquals("alpha", fail.getFullClassName());
        assertEquals("FAIL first mismatch at cycle 3 stream out port y: expected 1 actual 2 (seed 7)", fail.getFailureMessage());
        assertEquals("mismatch", fail.getFailureType());
        assertEquals("FAIL first mismatch at cycle 3 stream out port y: expected 1 actual 2 (seed 7)\ncycle 3: y\n"
                + "reproduce: accelgen regress /suites/scripted.json --case alpha/c1", failureText(xml, "alpha/c1"));
        assertEquals("ERROR harness crashed", cases.get("alpha/c3").getFailureMessage());
        assertTrue(cases.get("alpha/c0").isSuccessful());
        assertEquals("beta", cases.get("beta/c0").getFullClassName());
        assertEquals(null, failureText(xml, "alpha/c0"));
    }

    @Test
    void textThatXmlCannotCarryIsEscapedOrDropped() throws Exception {
        Suite suite = new Suite("s", "/a b/s.json", "0".repeat(64), "", List.of());
        CaseResult odd = new CaseResult("g/c0", "g", "config <a & \"b\">", CaseVerdict.Status.FAIL,
                "FAIL expected <1> & 'x'", "bell\u0007 here ]]> end", suite.reproduceCommand("g/c0"), 1.5, suite.hash(), "1/1",
                "2026-01-01T00:00:00Z", new Workload(1, 1), null);
        RunReport report = new RunReport(suite, "1/1", List.of(odd), 0, List.of());
        Path xml = tmp.resolve("odd.xml");
        JUnitXml.write(report, xml);
        ReportTestCase c = testcases(xml).get("g/c0");
        assertEquals("FAIL expected <1> & 'x'", c.getFailureMessage());
        assertEquals(1.5f, c.getTime());
        assertEquals("FAIL expected <1> & 'x'\nbell here ]]> end\nreproduce: accelgen regress '/a b/s.json' --case g/c0",
                failureText(xml, "g/c0"));
        assertFalse(JUnitXml.render(report).contains("\u0007"));
    }
}
