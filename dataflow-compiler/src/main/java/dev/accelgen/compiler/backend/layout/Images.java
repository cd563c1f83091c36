package dev.accelgen.compiler.backend.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The initial memory image of every port: each region's {@link Content} at its place, zeros elsewhere. */
public final class Images {
    /** Images larger than this are not built (a verification run holds them in memory). */
    public static final long MAX_PORT_BYTES = 1L << 30;

    private Images() {
    }

    public static List<byte[]> build(MemoryLayout layout, Map<String, Content> contents, long context) {
        List<byte[]> images = new ArrayList<>();
        for (int p = 0; p < layout.ports(); p++) {
            long size = layout.portBytes(p, context);
            if (size > MAX_PORT_BYTES) {
                throw new IllegalStateException("port " + p + " would need " + size + " bytes");
            }
            images.add(new byte[(int) size]);
        }
        for (Region r : layout.all()) {
            Content c = contents.get(r.name());
            if (c instanceof Content.Striped s) {
                for (int p = 0; p < layout.ports(); p++) {
                    byte[] share = s.image().portBytes(p, layout.portBytes() * 8);
                    System.arraycopy(share, 0, images.get(p), (int) r.offset(), share.length);
                }
            } else if (c instanceof Content.Rows rows) {
                for (int i = 0; i < rows.rows().length; i++) {
                    putInts(images.get(r.port()), r.rowOffset(i, context), rows.rows()[i]);
                }
            } else if (c instanceof Content.Bytes b) {
                System.arraycopy(b.bytes(), 0, images.get(r.port()), (int) r.offset(), b.bytes().length);
            } else if (c instanceof Content.PerPosition g) {
                for (int pos = 0; pos < context; pos++) {
                    putInts(images.get(r.port()), r.rowOffset(pos, context), g.row().apply(pos));
                }
            }
        }
        return images;
    }

    /** Writes 32-bit values little-endian from {@code at}. */
    public static void putInts(byte[] image, long at, int[] values) {
        for (int i = 0; i < values.length; i++) {
            int v = values[i];
            int o = (int) at + 4 * i;
            image[o] = (byte) v;
            image[o + 1] = (byte) (v >>> 8);
            image[o + 2] = (byte) (v >>> 16);
            image[o + 3] = (byte) (v >>> 24);
        }
    }

    /** Reads {@code n} 32-bit little-endian values from {@code at}. */
    public static int[] getInts(byte[] image, long at, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int o = (int) at + 4 * i;
            out[i] = (image[o] & 0xFF) | (image[o + 1] & 0xFF) << 8 | (image[o + 2] & 0xFF) << 16 | (image[o + 3] & 0xFF) << 24;
        }
        return out;
    }
}
