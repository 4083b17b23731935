package dev.restauth.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * restauth's JSON: one shared, thread-safe Gson writing compact UTF-8 with no HTML escaping (so bytes match what
 * dj-rest-auth sends), and a strict parser that refuses trailing garbage, NaN and nesting deeper than
 * {@link #MAX_DEPTH} without recursion, so a hostile body cannot overflow the stack.
 */
public final class Json {
    /** Deepest nesting a request body may have. restauth's bodies are flat objects. */
    public static final int MAX_DEPTH = 64;

    /** Members set to JSON null are written, as DRF writes {@code None} ({@code "last_used_at":null}). */
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private static final TypeAdapter<JsonElement> ELEMENTS = GSON.getAdapter(JsonElement.class);

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
     * @throws JsonParseException with a message fit for a client when the text is not exactly one JSON value
     */
    public static JsonElement parse(String text) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(MAX_DEPTH);
        try {
            JsonElement element = ELEMENTS.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("Extra data after the JSON value" + where(reader));
            }
            return element;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new JsonParseException(clean(e.getMessage()), e);
        } catch (JsonParseException e) {
            throw new JsonParseException(clean(e.getMessage()), e);
        }
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

    private static String where(JsonReader reader) {
        String location = reader.toString();
        int at = location.indexOf(" at ");
        return at < 0 ? "" : location.substring(at);
    }

    /** Gson's messages end with a troubleshooting URL; clients need only the first sentence and position. */
    private static String clean(String message) {
        if (message == null) {
            return "Invalid JSON";
        }
        String text = message;
        int see = text.indexOf("\nSee ");
        if (see >= 0) {
            text = text.substring(0, see);
        }
        if (text.startsWith("com.google.gson.stream.MalformedJsonException: ")) {
            text = text.substring("com.google.gson.stream.MalformedJsonException: ".length());
        }
        return text.strip();
    }
}
