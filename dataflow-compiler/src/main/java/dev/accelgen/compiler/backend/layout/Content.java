package dev.accelgen.compiler.backend.layout;

import dev.accelgen.pe.accel.matrix.WeightImage;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** What a region's bytes are in the initial memory images (everything little-endian). */
public sealed interface Content {
    /**
     * A weight tile: each port holds its share of every WBUF word. Packed on first use and kept: planning lays the
     * memory out twice (once to size the program) and needs only the tiles' sizes.
     */
    final class Striped implements Content {
        private final Supplier<WeightImage> pack;
        private WeightImage image;

        public Striped(Supplier<WeightImage> pack) {
            this.pack = pack;
        }

        public synchronized WeightImage image() {
            if (image == null) {
                image = pack.get();
            }
            return image;
        }
    }

    /** Fixed rows of 32-bit values (Fx, multipliers), each row from the start of its region row. */
    record Rows(int[][] rows) implements Content {
    }

    /** Raw bytes from the region's start (the program). */
    record Bytes(byte[] bytes) implements Content {
    }

    /** One row of 32-bit values per position, generated for every position of the context (rotary tables). */
    record PerPosition(IntFunction<int[]> row) implements Content {
    }

    /** Zeros until a run writes it (inputs, outputs, KV caches). */
    record Zero() implements Content {
    }
}
