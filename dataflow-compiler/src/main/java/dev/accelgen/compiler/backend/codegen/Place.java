package dev.accelgen.compiler.backend.codegen;

/** Where a value's rows are in ABUF: row r's first word is {@code base + r * stride}. */
record Place(int base, int stride) {
    Place plus(int words) {
        return new Place(base + words, stride);
    }
}
