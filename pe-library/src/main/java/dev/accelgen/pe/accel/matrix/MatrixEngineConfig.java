package dev.accelgen.pe.accel.matrix;

import dev.accelgen.errors.ConfigError;
import dev.accelgen.pe.accel.HwConfig;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.fixed.Fixed;

/**
 * The matrix engine around matrix unit {@code unit} of {@code hw}: the one configuration both the RTL generator
 * ({@code MatrixEngine}) and the cycle model ({@code MatrixEngineModel}) are built from.
 *
 * <p>Beats must tile ABUF words: the positions per beat (both modes of a sparse DSP chain) and the columns per
 * block are powers of two, columns per block at most V. A beat's weight payload must fit one WBUF word.
 */
public record MatrixEngineConfig(HwConfig hw, int unit) {
    public MatrixEngineConfig {
        if (unit < 0 || unit >= hw.matrixUnits().size()) {
            throw new ConfigError("hw.json matrixUnits", "has no unit " + unit + " (it lists " + hw.matrixUnits().size() + ")");
        }
        UnitShape s = UnitShape.of(hw.matrixUnits().get(unit));
        String where = "hw.json matrixUnits[" + unit + "] (" + s.tag() + ")";
        for (boolean sparse : new boolean[] {false, true}) {
            if (Integer.bitCount(s.positions(sparse)) != 1) {
                throw new ConfigError(where, "takes " + s.positions(sparse) + " reduction positions per beat; matrix"
                        + " engines need a power of two (choose power-of-two lanes or length)");
            }
        }
        if (Integer.bitCount(s.colsPerBlock()) != 1 || s.colsPerBlock() > hw.lanes()) {
            throw new ConfigError(where, "produces " + s.colsPerBlock() + " columns per block; matrix engines need a"
                    + " power of two no larger than lanes " + hw.lanes());
        }
        if (s.payloadBits() > hw.wbufWordBits()) {
            throw new ConfigError(where, "needs " + s.payloadBits() + " weight bits per beat but a WBUF word has "
                    + hw.wbufWordBits() + " (ports x portBits): add ports or widen them");
        }
    }

    public MatrixUnitSpec spec() {
        return hw.matrixUnits().get(unit);
    }

    public UnitShape shape() {
        return UnitShape.of(spec());
    }

    /** V: Fx values per ABUF word. */
    public int lanes() {
        return hw.lanes();
    }

    /** Codes of one row-buffer superword: max(V, most positions per beat). */
    public int superCodes() {
        UnitShape s = shape();
        return Math.max(hw.lanes(), Math.max(s.positions(false), s.positions(true)));
    }

    /** Row-buffer banks per row slot (ABUF words per superword). */
    public int banks() {
        return superCodes() / hw.lanes();
    }

    /** Superwords of one row-buffer half (a power of two holding maxRowElems codes). */
    public int halfDepth() {
        return 1 << Fixed.ceilLog2((hw.maxRowElems() + superCodes() - 1) / superCodes());
    }

    /** ABUF words of one half of the column-parameter buffers (a power of two holding maxRowElems values). */
    public int paramHalfDepth() {
        return 1 << Fixed.ceilLog2(hw.maxRowElems() / hw.lanes());
    }

    public int abufAddrBits() {
        return Math.max(1, Fixed.ceilLog2(hw.abufWords()));
    }

    public int sbufAddrBits() {
        return Math.max(1, Fixed.ceilLog2(hw.sbufWords()));
    }

    public int wbufAddrBits() {
        return Math.max(1, Fixed.ceilLog2(hw.wbufWords()));
    }

    /** MACs per cycle at full throughput. */
    public long macLanes() {
        return spec().macsPerCycle();
    }

    /** Verilog module name: the kind, unit index and a digest of the whole configuration (deterministic). */
    public String moduleName() {
        byte[] h = dev.accelgen.pe.accel.HwConfigJson.sha256(hw);
        return String.format("matrix_%s_u%d_%02x%02x%02x%02x", shape().tag(), unit, h[0], h[1], h[2], h[3]);
    }
}
