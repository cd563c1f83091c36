package dev.accelgen.cli.fuzz;

import dev.accelgen.boards.BoardCatalog;
import dev.accelgen.cli.report.SmallReport;
import dev.accelgen.compiler.backend.plan.UniversalTiny;
import dev.accelgen.compiler.zoo.Zoo;
import dev.accelgen.pe.accel.HwConfigJson;
import dev.accelgen.pe.accel.MemoryTarget;
import dev.accelgen.pe.accel.isa.ControlInstr;
import dev.accelgen.pe.accel.isa.Program;
import dev.accelgen.pe.accel.isa.ProgramBinary;
import dev.accelgen.reports.data.ReportDataFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The fuzz corpus, generated from a seed into a directory: damaged ONNX files, config.json and board.json
 * variants, out-of-range and non-numeric option values for every command, and output paths accelgen must refuse.
 * Commands that would run Verilator or Yosys get at least one input that is refused before the tools start.
 */
final class FuzzCorpus {
    /** Option values no option accepts: not a number, past int, a fraction, the smallest int. */
    static final List<String> INVALID = List.of("abc", "", "99999999999", "1.5", "-2147483648", "0x1G", ":", "-1");
    private static final List<String> ZOO_ONNX = List.of("tiny-encoder", "tiny-llama", "tiny-mmfree", "tiny-moe-vit");
    private static final String TINY_LLAMA = "{\"architectures\": [\"LlamaForCausalLM\"], \"hidden_size\": 16,"
            + " \"intermediate_size\": 32, \"num_hidden_layers\": 1, \"num_attention_heads\": 2, \"vocab_size\": 40}";

    private final Random rng;
    private final Path dir;
    private final List<FuzzCase> cases = new ArrayList<>();
    private int files;

    private FuzzCorpus(long seed, Path dir) {
        this.rng = new Random(seed);
        this.dir = dir;
    }

    /** Every case; {@code kindOptions} maps each pe unit kind to its numeric and text options. */
    static List<FuzzCase> generate(long seed, Path dir, Map<String, List<String>> kindOptions) throws IOException {
        FuzzCorpus c = new FuzzCorpus(seed, dir);
        c.models();
        c.configs();
        c.modelOptions();
        c.units(kindOptions);
        c.boardsAndBundles();
        c.accelerator();
        c.otherCommands();
        c.reports();
        return c.cases;
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve("f" + files++ + "-" + name), bytes);
    }

    private String pick(List<String> values) {
        return values.get(rng.nextInt(values.size()));
    }

    private void add(Path output, String... args) {
        cases.add(FuzzCase.of(output, args));
    }

    private void models() throws IOException {
        for (String name : ZOO_ONNX) {
            byte[] model = Zoo.bytes(name);
            for (int i = 0; i < 8; i++) {
                byte[] bad = i % 2 == 0 ? Mutations.truncated(model, rng) : Mutations.flipped(model, rng);
                Path f = file(name + ".onnx", bad);
                add(null, "model", "inspect", f.toString(), rng.nextBoolean() ? "--json" : "--nodes");
                if (i < 2) {
                    add(null, "model", "run", f.toString(), "--compare-ort", "--calib-samples", "1");
                }
            }
        }
        add(null, "model", "inspect", file("empty.onnx", new byte[0]).toString());
        byte[] noise = new byte[512];
        rng.nextBytes(noise);
        add(null, "model", "inspect", file("noise.onnx", noise).toString());
        add(null, "model", "inspect", dir.toString());
        add(null, "model", "inspect", dir.resolve("missing.onnx").toString());
    }

    private void configs() throws IOException {
        String llama7b = new String(Zoo.bytes("llama2-7b"), StandardCharsets.UTF_8);
        String vit = new String(Zoo.bytes("m3vit-small"), StandardCharsets.UTF_8);
        String mmfree = new String(Zoo.bytes("mmfreelm-370m"), StandardCharsets.UTF_8);
        for (int i = 0; i < 24; i++) {
            String base = List.of(llama7b, vit, mmfree, TINY_LLAMA).get(i % 4);
            Path f = file("config.json", Mutations.json(base, rng));
            add(null, "model", i % 4 == 3 ? "run" : "inspect", f.toString());
        }
    }

    private void modelOptions() throws IOException {
        Path tiny = file("config.json", TINY_LLAMA.getBytes(StandardCharsets.UTF_8));
        Path calib = file("x.f32", new byte[100]);
        for (int i = 0; i < 6; i++) {
            add(null, "model", "inspect", "zoo:tiny-llama", "--dim", pick(List.of("x", "=3", "batch=", "batch=0", "batch=abc",
                    "batch=99999999999", "a=b=c")));
            add(null, "model", "inspect", tiny.toString(), "--seq-len", pick(INVALID));
            add(null, "model", "inspect", "zoo:tiny-llama", "--scheme", pick(List.of("w5a8", "int4", "", "int8-3:4", "w2a9",
                    "w99999999999a8", "int8-99999999999:4")));
            add(null, "model", "run", "zoo:tiny-llama", "--layer", pick(List.of("=int8", "x=", "nosuchlayer=int8", "a=w9a8")));
            add(null, "model", "run", tiny.toString(), "--min-cosine", pick(List.of("2", "-1.5", "NaN", "abc")));
            add(null, "model", "run", "zoo:tiny-encoder", "--calib", pick(List.of("x=" + calib, "x=" + dir, "nope=" + calib,
                    "x=" + dir.resolve("missing"), "x")));
            add(null, "model", "run", tiny.toString(), "--calib-samples", pick(List.of("0", "65", "abc", "99999999999")));
            add(null, "model", pick(List.of("inspect", "run")), "zoo:" + pick(List.of("gpt-5", "", "tiny")));
        }
    }

    /** Paths a command must refuse to write: each built fresh, so a refusal can be checked to leave them alone. */
    private String badOutput() throws IOException {
        Path base = dir.resolve("out" + files++);
        switch (rng.nextInt(8)) {
            case 0:
                return "";
            case 1:
                return ".";
            case 2:
                return "..";
            case 3:
                return Files.writeString(base, "mine\n").toString();
            case 4:
                Files.createDirectory(base);
                Files.writeString(base.resolve("notes.txt"), "mine\n");
                return base.toString();
            case 5:
                return Files.writeString(base, "mine\n").resolve("sub").toString();
            case 6:
                return "/sys/accelgen-fuzz";
            default:
                Files.createDirectory(base);
                Files.writeString(base.resolve(".accelgen-output"), "not the marker\nnotes.txt\n");
                Files.writeString(base.resolve("notes.txt"), "mine\n");
                return base.toString();
        }
    }

    private void units(Map<String, List<String>> kindOptions) throws IOException {
        for (Map.Entry<String, List<String>> k : kindOptions.entrySet()) {
            String kind = k.getKey();
            for (String option : k.getValue()) {
                for (int i = 0; i < 2; i++) {
                    Path out = dir.resolve("gen" + files++);
                    String value = i == 0 ? pick(INVALID) : Integer.toString(rng.nextInt(600) - 50);
                    add(out, "pe", "gen", kind, option, value, "--out", out.toString());
                }
                add(null, "pe", "report", kind, option, pick(INVALID));
            }
            add(null, "pe", "gen", kind, "--out", badOutput());
            add(null, "pe", "gen", kind, "--out", badOutput(), "--force");
            add(null, "pe", "verify", kind, "--keep", badOutput());
            add(null, "pe", "verify", kind, "--vectors", pick(List.of("0", "-5", "1000000000", "abc", "99999999999")));
            add(null, "pe", "verify", kind, "--configs", pick(List.of("-1", "100000", "abc", "2001")));
        }
        add(null, "pe", "gen");
        add(null, "pe", "verify", "nosuchkind");
        add(null, "pe", "gen", "moe", "--expert-array", pick(List.of(":", "systolic:", "systolic:x", "systolic:0x0", "systolic:999x999",
                "systolic:2x4:1")), "--out", dir.resolve("moe" + files++).toString());
    }

    private void boardsAndBundles() throws IOException {
        String zcu = BoardCatalog.builtInJson("zcu104");
        for (int i = 0; i < 10; i++) {
            Path board = file("board.json", Mutations.json(zcu, rng));
            add(null, "boards", "show", board.toString());
            add(null, "generate", "builtin:gemm", "--board", board.toString(), "--out", badOutput(), "--no-estimate");
        }
        add(null, "boards", "show", pick(List.of("zc104", "", dir.toString(), dir.resolve("none.json").toString())));
        for (String option : List.of("--rows", "--cols", "--k", "--data-bits", "--max-burst", "--max-outstanding")) {
            add(null, "generate", "builtin:gemm", "--board", "zcu104", option, pick(INVALID), "--out",
                    dir.resolve("lab" + files++).toString(), "--no-estimate");
        }
        add(null, "generate", pick(List.of("model.onnx", "", "builtin:")), "--board", "u280", "--out", dir.resolve("lab" + files++).toString());
        add(null, "generate", "builtin:gemm", "--board", "zcu104", "--banks", "HBM[0]", "--out", dir.resolve("lab" + files++).toString());
        Path lab = dir.resolve("lab" + files++);
        add(lab, "generate", "builtin:gemm", "--board", "u280", "--banks", pick(List.of("HBM[9:1]", "HBM[0-3]", "DDR[0]", "HBM[99]")),
                "--out", lab.toString(), "--no-estimate");
    }

    /** Build directories with damaged report data (half of them accelgen outputs, which the command may rewrite). */
    private void reports() throws IOException {
        for (Map.Entry<String, String> f : ReportDataFiles.texts(SmallReport.data()).entrySet()) {
            for (int i = 0; i < 3; i++) {
                Path build = dir.resolve("build" + files++);
                String text = new String(Mutations.json(f.getValue(), rng), StandardCharsets.UTF_8);
                SmallReport.build(build, rng.nextBoolean(), f.getKey(), text);
                add(build, "report", build.toString());
            }
        }
        Path good = SmallReport.build(dir.resolve("build" + files++), true, "", "");
        add(null, "report", good.toString(), "--out", badOutput());
        add(null, "report", good.toString(), "--force");
        add(null, "report", pick(List.of("", dir.resolve("none").toString(), file("notadir", new byte[1]).toString())));
    }

    /**
     * compile, verify and program show: bad boards, schemes, contexts, plans, configurations and outputs, and damaged
     * program binaries. verify gets only inputs it refuses before compiling; a damaged plan or hw.json that still
     * parses may compile (into its declared output).
     */
    private void accelerator() throws IOException {
        String plan = "{\"default\": \"w4a8\", \"layers\": {\"/o/MatMul\": \"w8a8\"}}";
        String hw = HwConfigJson.write(UniversalTiny.of(new MemoryTarget("zcu104", "PS_DDR4", 4, 128, 1L << 31)));
        for (int i = 0; i < 6; i++) {
            Path p = file("plan.json", Mutations.json(plan, rng));
            Path out = dir.resolve("compiled" + files++);
            add(out, "compile", "zoo:tiny-llama", "--board", "zcu104", "--plan", p.toString(), "--out", out.toString());
            Path h = file("hw.json", Mutations.json(hw, rng));
            Path out2 = dir.resolve("compiled" + files++);
            add(out2, "compile", "zoo:tiny-encoder", "--board", "zcu104", "--hw", h.toString(), "--out", out2.toString());
            add(null, pick(List.of("compile", "verify")), "zoo:tiny-llama", "--board", pick(List.of("zcu102", "", "u280.json",
                    dir.toString())), "--out", dir.resolve("x" + files++).toString());
            add(null, "verify", "zoo:tiny-llama", "--board", "zcu104", "--scheme", pick(List.of("w5a8", "int4", "", "float",
                    "int8-3:4", "ternary8")));
            add(null, "verify", "zoo:tiny-llama", "--board", "u280", pick(List.of("--seq-len", "--prompt-len", "--decode-steps")),
                    pick(INVALID));
            add(null, "verify", "zoo:tiny-encoder", "--board", "zcu104", "--decode-steps", pick(List.of("1", "4", "1000")));
            add(null, "compile", "zoo:tiny-llama", "--board", "zcu104", "--int8-unit", pick(List.of("mixpe", "", "dsp")), "--out",
                    dir.resolve("x" + files++).toString());
            add(null, "compile", "zoo:tiny-llama", "--board", "zcu104", "--out", badOutput());
            byte[] program = ProgramBinary.write(new Program(List.of(new ControlInstr.Halt()), new byte[32], new byte[32]));
            byte[] bad = i % 2 == 0 ? Mutations.truncated(program, rng) : Mutations.flipped(program, rng);
            add(null, "program", "show", file("program.bin", bad).toString());
        }
        add(null, "program", "show", dir.resolve("missing.bin").toString());
        add(null, "program", "show", dir.toString());
        add(null, "program");
    }

    private void otherCommands() throws IOException {
        add(null, "demo", "--seed", pick(List.of("abc", "1.5", "99999999999999999999")), "--out", dir.resolve("demo" + files++).toString());
        add(null, "demo", "--rows", "8", "--out", dir.resolve("demo" + files++).toString());
        add(null, "demo", "--out", badOutput());
        add(null, "verify", "zoo:tiny-llama", "--board", "zcu104", "--scheme", "w4a8", "--out", badOutput());
        add(null, "verify", "zoo:tiny-llama", "--board", "zcu104", "--synth");
        add(null, "bench", "hdl", "--runs", pick(List.of("0", "-1", "1001", "abc")));
        add(null, "bench", "hdl", "--rows", pick(INVALID), "--runs", "1");
        add(null, "bench");
        add(null);
        add(null, pick(List.of("gen", "--rows", "pe-gen", "modle")));
        add(null, "pe", "gen", "systolic", "--rowz", "2");
    }
}
