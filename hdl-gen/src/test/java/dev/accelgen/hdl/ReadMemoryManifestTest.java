package dev.accelgen.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code ModuleBuilder.readMemory}: the manifest's {@code read_memories} section and its port checks. */
class ReadMemoryManifestTest {
    private static void requester(ModuleBuilder b, boolean swapReady) {
        Bool arValid = b.output("m_ar_valid", Bool.type());
        Bool arReady = b.input("m_ar_ready", Bool.type());
        Bits arAddr = b.output("m_ar_addr", Bits.type(16));
        Bits arLen = b.output("m_ar_len", Bits.type(8));
        Bool rValid = b.input("m_r_valid", Bool.type());
        Bool rReady = b.output("m_r_ready", Bool.type());
        Bits rData = b.input("m_r_data", Bits.type(32));
        Bool rLast = b.input("m_r_last", Bool.type());
        Bool seen = b.output("seen", Bool.type());
        arValid.set(arReady);
        arAddr.set(rData.slice(15, 0));
        arLen.set(Bits.lit(3, 8));
        rReady.set(Bool.TRUE);
        seen.set(rValid.and(rLast));
        b.readMemory("m", arValid, swapReady ? rReady : arReady, arAddr, arLen, rValid, rReady, rData, rLast, 4);
    }

    @Test
    void manifestListsTheReadMemoryPorts() {
        String m = TestGen.elaborate("requester", b -> requester(b, false)).files().get("requester.manifest.json");
        assertTrue(m.contains("\"read_memories\": [\n    {\n      \"name\": \"m\",\n      \"ar_valid\": \"m_ar_valid\",\n"
                + "      \"ar_ready\": \"m_ar_ready\",\n      \"ar_addr\": \"m_ar_addr\",\n      \"ar_len\": \"m_ar_len\",\n"
                + "      \"r_valid\": \"m_r_valid\",\n      \"r_ready\": \"m_r_ready\",\n      \"r_data\": \"m_r_data\",\n"
                + "      \"r_last\": \"m_r_last\",\n      \"data_bytes\": 4\n    }\n  ]"), m);
        String none = TestGen.elaborate("plain", b -> b.output("o", Bool.type()).set(Bool.TRUE)).files()
                .get("plain.manifest.json");
        assertFalse(none.contains("read_memories"), none);
    }

    @Test
    void aPortOfTheWrongDirectionIsADiagnostic() {
        HdlCheckException e = assertThrows(HdlCheckException.class,
                () -> TestGen.elaborate("requester", b -> requester(b, true)));
        assertEquals(1, e.getMessage().lines().filter(l -> l.equals("[HDL-H02 HIERARCHY_VIOLATION] module requester: read"
                + " memory 'm' member m_r_ready: Bool must be an input port of module requester at"
                + " ReadMemoryManifestTest.java:27")).count(), e.getMessage());
    }
}
