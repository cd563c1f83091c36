package dev.accelgen.hdl;

import java.util.List;
import java.util.stream.Collectors;

/** One design-rule violation: kind, module, message and every user source location involved. */
public record Diagnostic(DiagnosticKind kind, String module, String message, List<SourceLoc> locations) {
    public Diagnostic {
        locations = List.copyOf(locations);
    }

    @Override
    public String toString() {
        String at = locations.isEmpty() ? "" : " at " + locations.stream().map(SourceLoc::toString)
                .collect(Collectors.joining(" and "));
        return "[" + kind.id() + " " + kind + "] module " + module + ": " + message + at;
    }
}
