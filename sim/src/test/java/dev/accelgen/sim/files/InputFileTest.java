package dev.accelgen.sim.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.accelgen.errors.ModelError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFileTest {
    @TempDir
    Path tmp;

    private String refusal(Path p, long limit, String hint) {
        return assertThrows(ModelError.class, () -> InputFile.read(p, limit, hint, ModelError::new)).getMessage();
    }

    @Test
    void readsAFileWithinTheLimit() throws IOException {
        Path f = Files.write(tmp.resolve("m.bin"), new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, InputFile.read(f, 3, "", ModelError::new));
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeReadingNamingTheLimitAndHowToRaiseIt() throws IOException {
        Path f = Files.write(tmp.resolve("m.bin"), new byte[2000]);
        assertEquals(f + ": is 2,000 bytes, more than the limit of 1,024 bytes (raise the heap)", refusal(f, 1024, "raise the heap"));
        assertEquals(f + ": is 2,000 bytes, more than the limit of 1,024 bytes", refusal(f, 1024, ""));
    }

    @Test
    void directoriesMissingFilesAndDevicesAreNamedForWhatTheyAre() {
        assertEquals(tmp + ": is a directory, not a file", refusal(tmp, 10, ""));
        assertEquals(tmp.resolve("none") + ": no such file", refusal(tmp.resolve("none"), 10, ""));
        assertEquals("/dev/null: is not a regular file", refusal(Path.of("/dev/null"), 10, ""));
    }

    @Test
    void theHeapShareIsAThirdOfTheHeapAtMostTheCap() {
        assertEquals(Runtime.getRuntime().maxMemory() / 3, InputFile.heapShare(Long.MAX_VALUE));
        assertEquals(100, InputFile.heapShare(100));
    }
}
