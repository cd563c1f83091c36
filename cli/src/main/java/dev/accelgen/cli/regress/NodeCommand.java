package dev.accelgen.cli.regress;

import dev.accelgen.cli.Main;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a cluster node starts this same accelgen: this JVM's absolute {@code java}, its heap and GC flags, and
 * {@code -jar <absolute jar>} (or, when running from classes as in tests, {@code -cp <absolute class path> Main}).
 * No PATH lookup and no relative path, since a batch job starts elsewhere with another environment.
 */
public record NodeCommand(List<String> command, int heapMb) {
    public static NodeCommand current() {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        int heapMb = jvm.stream().filter(a -> a.matches("-Xmx[0-9]+[gGmM]")).reduce((a, b) -> b).map(NodeCommand::megabytes)
                .orElse((int) (Runtime.getRuntime().maxMemory() >> 20));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heapMb + "m");
        for (String arg : jvm) {
            if (arg.startsWith("-Xss") || arg.matches("-XX:\\+Use[A-Za-z]+GC")) {
                cmd.add(arg);
            }
        }
        Path code = codeSource();
        if (Files.isRegularFile(code) && code.toString().endsWith(".jar")) {
            cmd.addAll(List.of("-jar", code.toString()));
        } else {
            String cp = String.join(File.pathSeparator, Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(p -> Path.of(p).toAbsolutePath().toString()).toList());
            cmd.addAll(List.of("-cp", cp, Main.class.getName()));
        }
        return new NodeCommand(List.copyOf(cmd), heapMb);
    }

    /** {@code -Xmx2g} as 2048. */
    private static int megabytes(String xmx) {
        int n = Integer.parseInt(xmx.substring(4, xmx.length() - 1));
        return Character.toLowerCase(xmx.charAt(xmx.length() - 1)) == 'g' ? n * 1024 : n;
    }

    private static Path codeSource() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the accelgen jar", e);
        }
    }
}
