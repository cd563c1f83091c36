package dev.accelgen.hdl;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by elaboration when any check fails; carries every diagnostic found, not only the first. */
public final class HdlCheckException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public HdlCheckException(List<Diagnostic> diagnostics) {
        super(diagnostics.size() + " design error(s):\n" + diagnostics.stream().map(Diagnostic::toString)
                .collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
