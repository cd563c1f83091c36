package dev.accelgen.compiler.backend.layout;

/**
 * One position of an attention's KV cache: its key row (every KV head) then its value row, each padded to whole
 * port beats and whole ABUF words, so one load brings a key tile's keys and values and both parts start a word.
 *
 * @param cols      key (and value) columns: KV heads x head dimension
 * @param partBytes bytes of each part, padded
 */
public record KvRow(int cols, long partBytes) {
    public static KvRow of(int cols, int portBytes, int lanes) {
        long align = Math.max(portBytes, 4L * lanes);
        return new KvRow(cols, (4L * cols + align - 1) / align * align);
    }

    public long rowBytes() {
        return 2 * partBytes;
    }

    /** ABUF words from a row's start to its value part. */
    public int valueWord(int lanes) {
        return (int) (partBytes / (4L * lanes));
    }

    /** ABUF words of one loaded row. */
    public int rowWords(int lanes) {
        return (int) (rowBytes() / (4L * lanes));
    }
}
