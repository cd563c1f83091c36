package dev.accelgen.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code ModuleBuilder.writeMemory}: the manifest's {@code write_memories} section and its port checks. */
class WriteMemoryManifestTest {
    private static void writer(ModuleBuilder b, boolean swapReady) {
        Bool awValid = b.output("m_aw_valid", Bool.type());
        Bool awReady = b.input("m_aw_ready", Bool.type());
        Bits awAddr = b.output("m_aw_addr", Bits.type(16));
        Bits awLen = b.output("m_aw_len", Bits.type(8));
        Bool wValid = b.output("m_w_valid", Bool.type());
        Bool wReady = b.input("m_w_ready", Bool.type());
        Bits wData = b.output("m_w_data", Bits.type(32));
        Bits wStrb = b.output("m_w_strb", Bits.type(4));
        Bool wLast = b.output("m_w_last", Bool.type());
        Bool bValid = b.input("m_b_valid", Bool.type());
        Bool bReady = b.output("m_b_ready", Bool.type());
        awValid.set(awReady);
        awAddr.set(Bits.lit(0x40, 16));
        awLen.set(Bits.lit(0, 8));
        wValid.set(wReady);
        wData.set(Bits.lit(7, 32));
        wStrb.set(Bits.lit(15, 4));
        wLast.set(Bool.TRUE);
        bReady.set(bValid);
        b.writeMemory("m", awValid, swapReady ? bReady : awReady, awAddr, awLen, wValid, wReady, wData, wStrb, wLast,
                bValid, bReady, 4);
    }

    @Test
    void manifestListsTheWriteMemoryPorts() {
        String m = TestGen.elaborate("writer", b -> writer(b, false)).files().get("writer.manifest.json");
        assertTrue(m.contains("\"write_memories\": [\n    {\n      \"name\": \"m\",\n      \"aw_valid\": \"m_aw_valid\",\n"
                + "      \"aw_ready\": \"m_aw_ready\",\n      \"aw_addr\": \"m_aw_addr\",\n      \"aw_len\": \"m_aw_len\",\n"
                + "      \"w_valid\": \"m_w_valid\",\n      \"w_ready\": \"m_w_ready\",\n      \"w_data\": \"m_w_data\",\n"
                + "      \"w_strb\": \"m_w_strb\",\n      \"w_last\": \"m_w_last\",\n      \"b_valid\": \"m_b_valid\",\n"
                + "      \"b_ready\": \"m_b_ready\",\n      \"data_bytes\": 4\n    }\n  ]"), m);
        String none = TestGen.elaborate("plain", b -> b.output("o", Bool.type()).set(Bool.TRUE)).files()
                .get("plain.manifest.json");
        assertFalse(none.contains("write_memories"), none);
    }

    @Test
    void aPortOfTheWrongDirectionIsADiagnostic() {
        HdlCheckException e = assertThrows(HdlCheckException.class,
                () -> TestGen.elaborate("writer", b -> writer(b, true)));
        assertEquals(1, e.getMessage().lines().filter(l -> l.equals("[HDL-H02 HIERARCHY_VIOLATION] module writer: write"
                + " memory 'm' member m_b_ready: Bool must be an input port of module writer at"
                + " WriteMemoryManifestTest.java:32")).count(), e.getMessage());
    }
}
