package dev.accelgen.cli.regress;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;

/**
 * The suite the CLI tests run: three real cases (small, quick to build) and one deliberately broken case, whose
 * golden model is wrong; and a reader of the JUnit XML they write (Maven Surefire's own parser).
 */
final class TinySuite {
    static final String BROKEN = "wrong-golden-systolic/config/2_2_4_4_12_true/s1";
    static final List<String> IDS = List.of("systolic/random/s5/c0", "systolic/random/s5/c1", "rmsnorm/config/4_2_1/s1", BROKEN);

    private TinySuite() {
    }

    static Path write(Path dir) throws IOException {
        return Files.writeString(dir.resolve("tiny.json"), """
                {"suite": "tiny", "description": "three real cases and one whose golden model is wrong", "cases": [
                  {"type": "unit-random", "kind": "systolic", "configs": 2, "seed": 5, "vectors": 4},
                  {"type": "unit-config", "kind": "rmsnorm", "config": {"n": 4, "lanes": 2, "eps": 1}, "vectors": 3},
                  {"type": "unit-wrong-golden", "kind": "wrong-golden-systolic", "vectors": 2,
                   "config": {"rows": 2, "cols": 2, "aBits": 4, "wBits": 4, "accBits": 12, "signed": true}}]}
                """);
    }

    /** Testcases by name, read with Surefire's report parser. */
    static Map<String, ReportTestCase> junit(Path xml) throws Exception {
        TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
        List<ReportTestSuite> suites = parser.parse(xml.toString());
        assertTrue(parser.isValid(), "Surefire's parser rejects " + xml);
        Map<String, ReportTestCase> out = new TreeMap<>();
        suites.forEach(s -> s.getTestCases().forEach(c -> out.put(c.getName(), c)));
        return out;
    }
}
