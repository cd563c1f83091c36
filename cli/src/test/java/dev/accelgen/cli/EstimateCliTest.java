package dev.accelgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code estimate --json} on a tiny model: the keys users script against and their relations; a design over the
 * budget and bad options exit 2 with one line. The figures themselves are checked against the golden model's run in
 * {@code EstimatorTest}.
 */
class EstimateCliTest {
    private static final String[] TINY = {"estimate", "zoo:tiny-llama", "--board", "u280", "--scheme", "w4a8", "--prompt-len", "4",
        "--context", "8"};

    private static String[] with(String... more) {
        String[] a = java.util.Arrays.copyOf(TINY, TINY.length + more.length);
        System.arraycopy(more, 0, a, TINY.length, more.length);
        return a;
    }

    @Test
    void jsonHasTheFiguresAndTheyAgree() throws Exception {
        Cli r = Cli.run(with("--json"));
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String k : List.of("decode_tokens_per_s", "prefill_ms", "bandwidth_utilization", "board_bandwidth_utilization", "clock_mhz",
                "resources", "fits", "per_layer", "ports_gbps", "board_gbps", "decode_bytes", "program_bytes")) {
            assertTrue(j.has(k), "key " + k + " in " + r.out());
        }
        assertEquals(300.0, j.get("clock_mhz").asDouble());
        assertEquals(460.0, j.get("board_gbps").asDouble());
        assertEquals(9.6, j.get("ports_gbps").asDouble() / j.get("hw").get("ports").asInt(), 1e-9);
        long decode = j.get("decode_cycles").asLong();
        assertEquals(Math.round(300e6 / decode * 1e4) / 1e4, j.get("decode_tokens_per_s").asDouble(), 1e-9);
        assertEquals(Math.round(j.get("prefill_cycles").asLong() / 300e3 * 1e4) / 1e4, j.get("prefill_ms").asDouble(), 1e-9);
        assertEquals(decode, j.get("per_layer").get(0).get("decode_cycles").asLong());
        assertTrue(j.get("fits").asBoolean());
        assertEquals("whole program timed", j.get("method").asText());
    }

    @Test
    void aDesignOverTheBudgetExits2NamingTheResourceAndTheExcess() {
        Cli r = Cli.run(with("--budget", "0.001"));
        assertEquals(ErrorHandler.USER_ERROR, r.exit(), r.err());
        assertEquals("accelgen: error: --budget 0.001: the design's on-chip buffers need 18 BRAM36, 15 over the 3 that 0.001 of"
                + " u280's SLR0 allows", r.err().lines().reduce((a, b) -> b).orElse(""));
        assertEquals("", r.out());
    }

    @Test
    void badOptionsExit2() {
        Cli r = Cli.run(with("--budget", "1.5"));
        assertEquals(ErrorHandler.USER_ERROR, r.exit());
        assertEquals("accelgen: error: --budget 1.5: must be a fraction in (0, 1]", r.err().lines().reduce((a, b) -> b).orElse(""));
        r = Cli.run("estimate", "zoo:tiny-llama", "--board", "u280", "--context", "0");
        assertEquals(ErrorHandler.USER_ERROR, r.exit());
        assertEquals("accelgen: error: --context 0: must be in 1..65535", r.err().lines().reduce((a, b) -> b).orElse(""));
    }
}
