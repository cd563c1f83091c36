package dev.accelgen.pe.vector.seq;

/**
 * What one read of the {@link PassSequencer} is for: a prologue read (row {@code k} of the broadcast rows) or
 * pass {@code pass}'s read of word {@code w} ({@code slot} 1: the b read of a dual word); {@code last}: the
 * last word of its pass or prologue row; {@code dAddr}: the destination word {@code d + r*dStride + w};
 * {@code lastRow}: the instruction's last row.
 */
public record Tag(boolean pro, int k, int pass, boolean slot, int w, boolean last, int dAddr, boolean lastRow) {
    public boolean first() {
        return w == 0;
    }
}
