package dev.accelgen.pe.accel.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IsaDocTest {
    @Test
    void docsIsaHoldsTheGeneratedEncodingTables() throws IOException {
        Path doc = Path.of("..", "docs", "isa.md");
        String text = Files.readString(doc);
        int from = text.indexOf(IsaDoc.BEGIN);
        int to = text.indexOf(IsaDoc.END);
        assertTrue(from >= 0 && to > from, "docs/isa.md lacks the generated section markers");
        assertEquals(IsaDoc.tables(), text.substring(from, to + IsaDoc.END.length()),
                "docs/isa.md is out of date: paste the output of IsaDoc.main over its encoding section");
    }
}
