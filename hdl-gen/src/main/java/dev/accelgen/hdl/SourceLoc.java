package dev.accelgen.hdl;

import java.security.CodeSource;

/**
 * A user source location {@code File.java:line}: the first stack frame outside hdl-gen's own code, so
 * diagnostics point at the generator line that built the offending hardware.
 */
public record SourceLoc(String file, int line) {
    public static final SourceLoc UNKNOWN = new SourceLoc("<unknown>", 0);

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final CodeSource DSL_CODE = SourceLoc.class.getProtectionDomain().getCodeSource();

    public static SourceLoc capture() {
        return WALKER.walk(frames -> frames
                .filter(f -> !isDsl(f.getDeclaringClass()))
                .findFirst()
                .map(f -> new SourceLoc(f.getFileName() == null ? f.getClassName() : f.getFileName(), f.getLineNumber()))
                .orElse(UNKNOWN));
    }

    private static boolean isDsl(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        return cs == DSL_CODE || (cs != null && cs.equals(DSL_CODE));
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
