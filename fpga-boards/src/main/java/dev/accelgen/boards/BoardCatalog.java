package dev.accelgen.boards;

import dev.accelgen.boards.model.Board;
import dev.accelgen.boards.model.BoardJson;
import dev.accelgen.errors.BoardError;
import dev.accelgen.sim.files.InputFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The built-in boards (JSON resources in the same schema a user's board.json uses) and lookup by name or file. */
public final class BoardCatalog {
    /** Built-in board names, in listing order. */
    public static final List<String> BUILT_IN = List.of("zcu104", "u280");
    /** A board.json is a few kilobytes; anything this large is not one. */
    public static final long MAX_BOARD_JSON_BYTES = 1L << 20;

    private static final Map<String, Board> CACHE = loadBuiltIns();

    private BoardCatalog() {
    }

    public static List<Board> builtIns() {
        return List.copyOf(CACHE.values());
    }

    /** A built-in board by name, or a board.json path (anything ending in .json). */
    public static Board resolve(String nameOrPath) {
        Board b = CACHE.get(nameOrPath);
        if (b != null) {
            return b;
        }
        if (nameOrPath.endsWith(".json")) {
            return load(Path.of(nameOrPath));
        }
        throw new BoardError("", "unknown board '" + nameOrPath + "'; use one of "
                + String.join(", ", BUILT_IN) + " or a path to a board.json file");
    }

    public static Board load(Path file) {
        byte[] bytes = InputFile.read(file, MAX_BOARD_JSON_BYTES, "", BoardError::new);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BoardError(file.toString(), "is not UTF-8 text (a board description is a JSON file)");
        }
        return BoardJson.parse(text, file.toString());
    }

    /** The raw JSON of a built-in board, e.g. as a template for a user's board.json. */
    public static String builtInJson(String name) {
        String resource = "builtin/" + name + ".json";
        try (InputStream in = BoardCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/accelgen/boards/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Board> loadBuiltIns() {
        Map<String, Board> m = new LinkedHashMap<>();
        for (String name : BUILT_IN) {
            m.put(name, BoardJson.parse(builtInJson(name), "builtin/" + name + ".json"));
        }
        return m;
    }
}
