package dev.accelgen.sim.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.accelgen.sim.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {
    private static final String BASE = """
            {"top": "t", "clock": {"name": "clk"}, "reset": {"name": "rst", "kind": "sync", "active_low": false},
             "ports": [{"name": "clk", "direction": "in", "width": 1, "signed": false},
                       {"name": "rst", "direction": "in", "width": 1, "signed": false},
                       {"name": "k", "direction": "in", "width": 5, "signed": false},
                       {"name": "iv", "direction": "in", "width": 1, "signed": false},
                       {"name": "ir", "direction": "out", "width": 1, "signed": false},
                       {"name": "id", "direction": "in", "width": 8, "signed": true},
                       {"name": "ov", "direction": "out", "width": 1, "signed": false},
                       {"name": "od", "direction": "out", "width": 70, "signed": false}],
             "streams": [{"name": "in", "direction": "in", "valid": "iv", "ready": "ir", "data": ["id"]},
                         {"name": "out", "direction": "out", "valid": "ov", "ready": null, "data": ["od"]}],
             "params": {"rows": 4, "name": "x"}, "files": ["t.v"], "sim_files": []}
            """;

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> ManifestReader.parse(json, Path.of("/d"), "t.manifest.json"))
                .getMessage();
    }

    @Test
    void readsTheHelpersFormat() {
        Manifest m = ManifestReader.parse(BASE, Path.of("/d"), "t.manifest.json");
        assertEquals("t", m.top());
        assertEquals(new ManifestReset("rst", ManifestReset.Kind.SYNC, false), m.reset());
        assertEquals(List.of("in"), m.inputStreams().stream().map(ManifestStream::name).toList());
        assertEquals(List.of("k"), m.staticInputs().stream().map(ManifestPort::name).toList());
        assertEquals(Map.of("rows", 4, "name", "x"), m.params());
        assertEquals(List.of(Path.of("/d/t.v")), m.simulationSources());
        assertEquals(70, m.port("od").width());
    }

    @Test
    void readsTheFixturesFromDisk() {
        Manifest m = Fixtures.manifest("memreq", "mem_requester");
        assertEquals(4, m.readMemories().get(0).dataBytes());
        assertEquals(List.of(), m.staticInputs());
    }

    @Test
    void eachInconsistencyIsOneLineNamingFileAndProblem() {
        assertEquals("t.manifest.json: not valid JSON: Unexpected end-of-input: expected close marker for Object"
                + " (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled);"
                + " line: 1, column: 1]) (line 1, column 2)", error("{"));
        assertEquals("t.manifest.json: missing string field 'top'", error(BASE.replace("\"top\": \"t\",", "")));
        assertEquals("t.manifest.json: reset.kind must be \"sync\" or \"async\", got \"level\"",
                error(BASE.replace("\"sync\"", "\"level\"")));
        assertEquals("t.manifest.json: stream 'in' valid port 'nope' is not declared in ports",
                error(BASE.replace("\"valid\": \"iv\"", "\"valid\": \"nope\"")));
        assertEquals("t.manifest.json: stream 'in' ready port 'ir' must be an output, but ports declares it as in",
                error(BASE.replace("{\"name\": \"ir\", \"direction\": \"out\"", "{\"name\": \"ir\", \"direction\": \"in\"")));
        assertEquals("t.manifest.json: stream 'out' uses port 'id' which is already the clock, the reset or part of another stream or memory",
                error(BASE.replace("\"data\": [\"od\"]", "\"data\": [\"id\"]")));
        assertEquals("t.manifest.json: port 'k' width must be in 1..4096, got 0",
                error(BASE.replace("\"name\": \"k\", \"direction\": \"in\", \"width\": 5", "\"name\": \"k\", \"direction\": \"in\", \"width\": 0")));
        assertEquals("t.manifest.json: clock port 'clk' must be 1 bit wide, got 2",
                error(BASE.replace("\"name\": \"clk\", \"direction\": \"in\", \"width\": 1", "\"name\": \"clk\", \"direction\": \"in\", \"width\": 2")));
        assertEquals("t.manifest.json: stream 'in' is an input stream and must have a ready port",
                error(BASE.replace("\"ready\": \"ir\"", "\"ready\": null")));
        assertEquals("t.manifest.json: files must list at least one Verilog source",
                error(BASE.replace("[\"t.v\"]", "[]")));
        assertEquals("t.manifest.json: port 'k' is declared twice",
                error(BASE.replace("\"name\": \"rst\", \"direction\"", "\"name\": \"k\", \"direction\"")
                        .replace("\"reset\": {\"name\": \"rst\", \"kind\": \"sync\", \"active_low\": false}", "\"reset\": null")));
    }

    @Test
    void missingSourceFileIsReported() {
        Path dir = Fixtures.dir("mac");
        String text = BASE.replace("t.v", "absent.v");
        // parse() does not touch the disk; read() checks the files exist.
        assertEquals("t", ManifestReader.parse(text, dir, "x").top());
        Path tmp = assertDoesNotThrowWrite(text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ManifestReader.read(tmp));
        assertEquals(tmp + ": listed source file 'absent.v' does not exist in " + tmp.getParent(), e.getMessage());
    }

    private static Path assertDoesNotThrowWrite(String text) {
        try {
            Path dir = Files.createTempDirectory("manifest-test");
            Path f = dir.resolve("t.manifest.json");
            Files.writeString(f, text);
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void readMemoryPortsAreChecked() {
        Manifest m = Fixtures.manifest("memreq", "mem_requester");
        assertEquals("read memory 'm' data_bytes must be a power of two in 1..512, got 3",
                assertThrows(IllegalArgumentException.class, () -> new ReadMemoryPorts("m", "a", "b", "c", "d", "e", "f",
                        "g", "h", 3)).getMessage());
        ReadMemoryPorts wrong = new ReadMemoryPorts("m", "m_ar_valid", "m_ar_ready", "m_ar_addr", "m_ar_len",
                "m_r_valid", "m_r_ready", "m_r_data", "m_r_last", 8);
        assertEquals("read memory 'm' r_data port 'm_r_data' is 32 bits but data_bytes=8 needs 64",
                assertThrows(IllegalArgumentException.class, () -> new Manifest(m.top(), m.clock(), m.reset(), m.ports(),
                        m.streams(), List.of(wrong), List.of(), m.params(), m.files(), m.simFiles(), m.dir())).getMessage());
    }

    @Test
    void writeMemoryPortsAreChecked() throws java.io.IOException {
        Manifest m = Fixtures.manifest("dma", "dma_copy");
        assertEquals(List.of("mem"), m.memoryNames());
        WriteMemoryPorts w = m.writeMemories().get(0);
        assertEquals(List.of("mem_aw_ready", "mem_w_ready", "mem_b_valid"), w.unitInputs());
        WriteMemoryPorts wide = new WriteMemoryPorts("mem", w.awValid(), w.awReady(), w.awAddr(), w.awLen(), w.wValid(),
                w.wReady(), w.wData(), w.wStrb(), w.wLast(), w.bValid(), w.bReady(), 8);
        assertEquals("write memory 'mem' w_data must be 64 bits and w_strb 8 bits for data_bytes=8",
                assertThrows(IllegalArgumentException.class, () -> new Manifest(m.top(), m.clock(), m.reset(), m.ports(),
                        m.streams(), m.readMemories(), List.of(wide), m.params(), m.files(), m.simFiles(), m.dir()))
                        .getMessage());
        String text = Files.readString(Fixtures.dir("dma").resolve("dma_copy.manifest.json"))
                .replace("{\"name\": \"mem_r_data\", \"direction\": \"in\", \"width\": 32",
                        "{\"name\": \"mem_r_data\", \"direction\": \"in\", \"width\": 16")
                .replace("\"r_last\": \"mem_r_last\", \"data_bytes\": 4", "\"r_last\": \"mem_r_last\", \"data_bytes\": 2");
        assertEquals("narrow.json: write memory 'mem' shares its image with the read memory of that name, so both need"
                + " the same data_bytes (read 2, write 4)", assertThrows(IllegalArgumentException.class,
                () -> ManifestReader.parse(text, m.dir(), "narrow.json")).getMessage());
        WriteMemoryPorts clash = new WriteMemoryPorts("job", w.awValid(), w.awReady(), w.awAddr(), w.awLen(), w.wValid(),
                w.wReady(), w.wData(), w.wStrb(), w.wLast(), w.bValid(), w.bReady(), 4);
        assertEquals("write memory 'job' reuses a stream or write memory name",
                assertThrows(IllegalArgumentException.class, () -> new Manifest(m.top(), m.clock(), m.reset(), m.ports(),
                        m.streams(), m.readMemories(), List.of(clash), m.params(), m.files(), m.simFiles(), m.dir()))
                        .getMessage());
    }
}
