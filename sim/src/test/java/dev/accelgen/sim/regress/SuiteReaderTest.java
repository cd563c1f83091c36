package dev.accelgen.sim.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.accelgen.errors.ConfigError;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SuiteReaderTest {
    private static String error(String json) {
        return assertThrows(ConfigError.class, () -> {
            Suite s = SuiteReader.parse(json, "bad.json", "/x/bad.json");
            ScriptedCaseType.types(Path.of("unused"), 3).expand(s);
        }).getMessage();
    }

    @Test
    void theHashIgnoresLayoutAndKeyOrderButNotValues() {
        Suite a = SuiteReader.parse("{\"suite\":\"s\",\"cases\":[{\"type\":\"scripted\",\"group\":\"g\",\"count\":2}]}", "a.json", "a");
        Suite b = SuiteReader.parse("""
                {
                  "cases": [ {"count": 2, "group": "g", "type": "scripted"} ],
                  "suite": "s"
                }""", "b.json", "b");
        Suite c = SuiteReader.parse("{\"suite\":\"s\",\"cases\":[{\"type\":\"scripted\",\"group\":\"g\",\"count\":3}]}", "c.json", "c");
        assertEquals(a.hash(), b.hash());
        assertNotEquals(a.hash(), c.hash());
        assertEquals(64, a.hash().length());
        assertEquals("accelgen regress a --case g/c0", a.reproduceCommand("g/c0"));
    }

    @Test
    void badSuitesAreOneLineErrorsNamingTheFileAndEntry() {
        assertEquals("bad.json: not valid JSON: Unexpected character (',' (code 44)): was expecting double-quote to "
                + "start field name (line 1, column 2)", error("{,}"));
        assertEquals("bad.json: \"cases\" must be a non-empty array of case entries", error("{\"suite\": \"s\", \"cases\": []}"));
        assertEquals("bad.json: \"suite\" must be a name of a-z 0-9 . _ - (got \"Smoke Test\")",
                error("{\"suite\": \"Smoke Test\", \"cases\": [{\"type\": \"scripted\"}]}"));
        assertEquals("bad.json: unknown key \"case\" (a suite has \"suite\", \"description\" and \"cases\")",
                error("{\"suite\": \"s\", \"case\": []}"));
        assertEquals("bad.json cases[0]: each case entry must be an object with a \"type\" string",
                error("{\"suite\": \"s\", \"cases\": [3]}"));
        assertEquals("bad.json cases[1]: unknown case type \"unit-randm\" (known: scripted)",
                error("{\"suite\": \"s\", \"cases\": [{\"type\": \"scripted\", \"group\": \"g\", \"count\": 1}, {\"type\": \"unit-randm\"}]}"));
        assertEquals("bad.json cases[0]: count must be an integer in 1..1000 (got 0)",
                error("{\"suite\": \"s\", \"cases\": [{\"type\": \"scripted\", \"group\": \"g\", \"count\": 0}]}"));
        assertEquals("bad.json cases[0]: missing \"group\"", error("{\"suite\": \"s\", \"cases\": [{\"type\": \"scripted\", \"count\": 1}]}"));
        assertEquals("bad.json cases[0]: unknown key(s) [cout] for type scripted (allowed: [count, error, fail, group])",
                error("{\"suite\": \"s\", \"cases\": [{\"type\": \"scripted\", \"group\": \"g\", \"cout\": 1}]}"));
        assertEquals("bad.json cases[1]: case g/c0 is already in bad.json cases[0]",
                error("{\"suite\": \"s\", \"cases\": [{\"type\": \"scripted\", \"group\": \"g\", \"count\": 1},"
                        + " {\"type\": \"scripted\", \"group\": \"g\", \"count\": 2}]}"));
    }

    @Test
    void caseIdsAreSafeFileNamesAndShellWords() {
        assertEquals("mixpe+random+s11+c7.json", CaseIds.fileName("mixpe/random/s11/c7"));
        assertEquals("dsp-chain/config/8_int8x2_2:4/s-3", CaseIds.check("dsp-chain/config/8_int8x2_2:4/s-3"));
        assertEquals("malformed case id 'a/../b' (segments of a-z 0-9 . _ : - joined by /)",
                assertThrows(IllegalStateException.class, () -> CaseIds.check("a/../b")).getMessage());
        assertEquals("block:4", CaseIds.segment("block:4"));
        assertEquals("x-weird", CaseIds.segment("-Weird"));
        assertEquals("mixpe/random/s11/c7", Shell.quote("mixpe/random/s11/c7"));
        assertEquals("'it'\\''s here'", Shell.quote("it's here"));
    }
}
