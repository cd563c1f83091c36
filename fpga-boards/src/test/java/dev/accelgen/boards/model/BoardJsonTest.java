package dev.accelgen.boards.model;

import dev.accelgen.boards.BoardCatalog;
import dev.accelgen.errors.BoardError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A user's board.json goes through the same parser as the built-ins; each defect gives one exact line. */
class BoardJsonTest {
    private static final String ZCU104 = BoardCatalog.builtInJson("zcu104");
    private static final String U280 = BoardCatalog.builtInJson("u280");

    private static String error(String json) {
        BoardError e = assertThrows(BoardError.class, () -> BoardJson.parse(json, "board.json"));
        return e.getMessage();
    }

    @Test
    void userCopyOfABuiltInParsesToTheSameBoard() {
        assertEquals(BoardCatalog.resolve("u280"), BoardJson.parse(U280, "board.json"));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertEquals("board.json: not valid JSON at line 1, column 12: Unexpected end-of-input within/between Object entries",
                error("{\"name\": 1,"));
    }

    @Test
    void wrongSchemaIsRejected() {
        assertEquals("board.json: schema = 'accelgen-board/0' is not supported, must be accelgen-board/1",
                error(ZCU104.replace("accelgen-board/1", "accelgen-board/0")));
    }

    @Test
    void unknownFieldListsTheAllowedOnes() {
        assertEquals("board.json: resources.luts is not a known field, allowed here: bram36, dsp, ff, lut, uram",
                error(ZCU104.replace("\"resources\": {\"lut\"", "\"resources\": {\"luts\"")));
    }

    @Test
    void missingFieldIsNamed() {
        assertEquals("board.json: reset.pin is missing",
                error(ZCU104.replace("\"pin\": \"M11\", ", "")));
    }

    @Test
    void wrongTypeIsNamed() {
        assertEquals("board.json: kernel_clock_mhz must be an integer, got \"100\"",
                error(ZCU104.replace("\"kernel_clock_mhz\": 100", "\"kernel_clock_mhz\": \"100\"")));
    }

    @Test
    void recordValidationGetsTheJsonPath() {
        assertEquals("board.json: slrs[1]: name = 'SLR9x' is not an SLR name, must be SLR0..SLR9",
                error(U280.replace("{\"name\": \"SLR1\"", "{\"name\": \"SLR9x\"")));
        assertEquals("board.json: clocks[0]: p = 'ah18' is not a package pin, must look like AH18 or D5",
                error(ZCU104.replace("\"p\": \"AH18\"", "\"p\": \"ah18\"")));
        assertEquals("board.json: memories[0]: banks = 0 out of range, must be >= 1",
                error(U280.replace("\"banks\": 32", "\"banks\": 0")));
        assertEquals("board.json: kernel_clock_mhz = 0 out of range, must be >= 1",
                error(U280.replace("\"kernel_clock_mhz\": 300", "\"kernel_clock_mhz\": 0")));
    }

    @Test
    void crossFieldRulesAreChecked() {
        assertEquals("board.json: memories.HBM.slr = 'SLR5' is not one of the board's slrs [SLR0, SLR1, SLR2]",
                error(U280.replace("\"slr\": \"SLR0\", \"via\"", "\"slr\": \"SLR5\", \"via\"")));
        assertEquals("board.json: platform is missing, flow vitis_kernel needs a Vitis platform name",
                error(U280.replace("\"platform\": \"xilinx_u280_gen3x16_xdma_1_202211_1\"", "\"platform\": null")));
        assertEquals("board.json: flow: flow = 'vitis' is unknown, must be one of vivado_bd, vitis_kernel",
                error(U280.replace("\"flow\": \"vitis_kernel\"", "\"flow\": \"vitis\"")));
        assertEquals("board.json: vivado: max = 2020.1 is older than min = 2022.1",
                error(U280.replace("\"max\": \"2023.2\"", "\"max\": \"2020.1\"")));
        assertEquals("board.json: port 'led[0]' is used by two board pins, ports must be unique",
                error(ZCU104.replace("\"port\": \"led[1]\"", "\"port\": \"led[0]\"")));
    }
}
