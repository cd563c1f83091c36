package dev.accelgen.reports.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a figure comes from and how to get it again. {@code measured}: a tool ran (Verilator, Yosys, onnxruntime,
 * the quantized interpreter against the float one); {@code modelled}: accelgen's golden timing model or a resource
 * model computed it; {@code specified}: it is an input (board data, the design's configuration). {@code command}
 * reproduces the figure: an accelgen command line without machine paths.
 */
public record Provenance(Kind kind, String source, String command) {
    public Provenance {
        Check.present("kind", kind);
        Check.text("source", source);
        Check.text("command", command);
    }

    public static Provenance measured(String source, String command) {
        return new Provenance(Kind.MEASURED, source, command);
    }

    public static Provenance modelled(String source, String command) {
        return new Provenance(Kind.MODELLED, source, command);
    }

    public static Provenance specified(String source, String command) {
        return new Provenance(Kind.SPECIFIED, source, command);
    }

    public enum Kind {
        MEASURED, MODELLED, SPECIFIED;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind of(String label) {
            for (Kind k : values()) {
                if (k.label().equals(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("kind '" + label + "' is unknown, must be measured, modelled or specified");
        }
    }
}
