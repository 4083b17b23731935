package dev.restauth.apidoc;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * JSON Schema pieces (the 2020-12 dialect OpenAPI 3.1 uses), as Gson trees, for endpoints and serializers to describe
 * the bodies they accept and answer. Every method returns a new object the caller may change.
 */
public final class Schema {
    private Schema() {
    }

    public static JsonObject string() {
        return type("string");
    }

    /** A string of a format, e.g. {@code email}, {@code date-time}, {@code uri}. */
    public static JsonObject string(String format) {
        JsonObject schema = string();
        schema.addProperty("format", format);
        return schema;
    }

    public static JsonObject integer() {
        return type("integer");
    }

    public static JsonObject bool() {
        return type("boolean");
    }

    public static JsonObject arrayOf(JsonObject items) {
        JsonObject schema = type("array");
        schema.add("items", items);
        return schema;
    }

    /** Any JSON object (a body whose fields are another library's, or a replaceable serializer's). */
    public static JsonObject anyObject() {
        JsonObject schema = type("object");
        schema.addProperty("additionalProperties", true);
        return schema;
    }

    /** The schema, or JSON {@code null}. */
    public static JsonObject nullable(JsonObject schema) {
        JsonObject copy = schema.deepCopy();
        JsonArray types = new JsonArray();
        types.add(copy.get("type").getAsString());
        types.add("null");
        copy.add("type", types);
        return copy;
    }

    /** A short description on a copy of the schema. */
    public static JsonObject described(JsonObject schema, String description) {
        JsonObject copy = schema.deepCopy();
        copy.addProperty("description", description);
        return copy;
    }

    /**
     * An object of named fields; closed (no other field) unless {@link ObjectBuilder#open()}. Either way it says so
     * ({@code additionalProperties}), as some validators take an object that does not say to be closed.
     */
    public static ObjectBuilder object() {
        return new ObjectBuilder();
    }

    /** {@code {"detail": "..."}}, DRF's shape of a refusal and of dj-rest-auth's success messages. */
    public static JsonObject detail() {
        return object().field("detail", string()).build();
    }

    /**
     * A refusal of credentials: {@code {"detail": "..."}}, in JWT mode with simplejwt's {@code "code"} and, for an
     * access token refused, its {@code "messages"} ({@code token_class}, {@code token_type}, {@code message} each).
     */
    public static JsonObject credentialsRefused() {
        JsonObject message = object().field("token_class", string()).field("token_type", string())
                .field("message", string()).build();
        return object().field("detail", string()).optional("code", string())
                .optional("messages", arrayOf(message)).build();
    }

    /**
     * DRF's validation errors: {@code {"field": ["message", ...], "non_field_errors": [...]}}, a list of messages per
     * field (or, for a field that is itself an object, its own fields' errors).
     */
    public static JsonObject fieldErrors() {
        JsonObject messages = arrayOf(string());
        JsonObject nested = type("object");
        nested.add("additionalProperties", messages.deepCopy());
        JsonArray either = new JsonArray();
        either.add(messages);
        either.add(nested);
        JsonObject value = new JsonObject();
        value.add("anyOf", either);
        JsonObject schema = type("object");
        schema.add("additionalProperties", value);
        schema.addProperty("minProperties", 1);
        return schema;
    }

    private static JsonObject type(String type) {
        JsonObject schema = new JsonObject();
        schema.addProperty("type", type);
        return schema;
    }

    /** Builds an object schema field by field. */
    public static final class ObjectBuilder {
        private final JsonObject properties = new JsonObject();
        private final JsonArray required = new JsonArray();
        private boolean open;

        private ObjectBuilder() {
        }

        /** A field that is always there. */
        public ObjectBuilder field(String name, JsonObject schema) {
            properties.add(name, schema);
            required.add(name);
            return this;
        }

        /** A field that may be left out. */
        public ObjectBuilder optional(String name, JsonObject schema) {
            properties.add(name, schema);
            return this;
        }

        /** Other fields are allowed too. */
        public ObjectBuilder open() {
            open = true;
            return this;
        }

        public JsonObject build() {
            JsonObject schema = type("object");
            schema.add("properties", properties.deepCopy());
            if (!required.isEmpty()) {
                schema.add("required", required.deepCopy());
            }
            schema.addProperty("additionalProperties", open);
            return schema;
        }
    }
}
