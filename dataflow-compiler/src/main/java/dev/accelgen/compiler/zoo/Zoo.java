package dev.accelgen.compiler.zoo;

import dev.accelgen.errors.ModelError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The built-in models, addressed as {@code zoo:<name>}: tiny ONNX files exported by PyTorch
 * ({@code zoo/export_zoo.py}) and Hugging Face style config.json files of full-size models. A model may ship the
 * quantization plan it was designed for ({@code name.plan.json}, see {@link #plan}).
 */
public final class Zoo {
    public static final List<String> ONNX_MODELS = List.of("tiny-encoder", "tiny-llama", "tiny-mmfree", "tiny-moe-vit");
    public static final List<String> CONFIGS = List.of("llama2-7b", "mmfreelm-370m", "mmfreelm-1.3b", "mmfreelm-2.7b", "m3vit-small", "tiny-hybrid");
    public static final String PREFIX = "zoo:";

    private Zoo() {
    }

    public static boolean isOnnx(String name) {
        return ONNX_MODELS.contains(name);
    }

    public static boolean isConfig(String name) {
        return CONFIGS.contains(name);
    }

    /** The quantization plan file ({@code QuantPlanFile} format) the zoo model {@code source} ships, if any. */
    public static Optional<String> plan(String source) {
        if (!source.startsWith(PREFIX) || !isConfig(source.substring(PREFIX.length())) && !isOnnx(source.substring(PREFIX.length()))) {
            return Optional.empty();
        }
        try (InputStream in = Zoo.class.getResourceAsStream("/zoo/" + source.substring(PREFIX.length()) + ".plan.json")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the plan of zoo model " + source, e);
        }
    }

    /** The bytes of a zoo entry: {@code name.onnx} or {@code name.config.json}. */
    public static byte[] bytes(String name) {
        String resource;
        if (isOnnx(name)) {
            resource = "/zoo/" + name + ".onnx";
        } else if (isConfig(name)) {
            resource = "/zoo/" + name + ".config.json";
        } else {
            throw new ModelError(PREFIX + name, "no such zoo model (available: "
                    + String.join(", ", ONNX_MODELS) + ", " + String.join(", ", CONFIGS) + ")");
        }
        try (InputStream in = Zoo.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("zoo resource " + resource + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read zoo resource " + resource, e);
        }
    }
}
