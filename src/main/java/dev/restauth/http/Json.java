package dev.restauth.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;

import java.nio.charset.StandardCharsets;

/**
 * restauth's JSON: one shared, thread-safe Gson writing compact UTF-8 with no HTML escaping (so bytes match what
 * dj-rest-auth sends), and a strict parser ({@link JsonDecoder}) that refuses trailing garbage, NaN and nesting deeper
 * than {@link #MAX_DEPTH} without recursion, so a hostile body cannot overflow the stack, and that says in plain words
 * what is wrong with text that is not JSON, and where.
 */
public final class Json {
    /** Deepest nesting a request body may have. restauth's bodies are flat objects. */
    public static final int MAX_DEPTH = 64;

    /** Members set to JSON null are written, as DRF writes {@code None} ({@code "last_used_at":null}). */
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private Json() {
    }

    /** Compact JSON text. */
    public static String write(JsonElement element) {
        return GSON.toJson(element);
    }

    /** Compact JSON as UTF-8 bytes. */
    public static byte[] bytes(JsonElement element) {
        return write(element).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses one JSON document.
     *
     * @throws JsonParseException when the text is not exactly one JSON value, with a message fit for a client: what
     *                            was wrong or expected, and where, e.g. "Expecting ':' delimiter: line 1 column 12
     *                            (char 11)"
     */
    public static JsonElement parse(String text) {
        return JsonDecoder.decode(text, MAX_DEPTH);
    }

    /** The Python type name DRF uses for a value in "Expected a dictionary, but got list." */
    public static String pythonTypeName(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return "NoneType";
        }
        if (element.isJsonArray()) {
            return "list";
        }
        if (element.isJsonObject()) {
            return "dict";
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return "bool";
        }
        if (primitive.isNumber()) {
            String text = primitive.getAsString();
            return text.contains(".") || text.contains("e") || text.contains("E") ? "float" : "int";
        }
        return "str";
    }
}
