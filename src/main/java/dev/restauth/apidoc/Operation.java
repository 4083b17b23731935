package dev.restauth.apidoc;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one method of an endpoint accepts and answers, for the OpenAPI document: a summary, the request body's
 * schema, and every answer it gives itself, by status. The refusals every endpoint shares (a body that is no JSON,
 * too large or of another type; missing or bad credentials; a CSRF failure) are added by the document from the
 * endpoint's access rule, so an operation names only its own.
 */
public final class Operation {
    /**
     * One answer: its description, its bodies by media type (a null schema: a body that is not JSON; none: no
     * body), and the headers it carries (name to description).
     */
    public record Answer(String description, Map<String, JsonObject> content, Map<String, String> headers) {
        /** The JSON body's schema, or null. */
        public JsonObject schema() {
            return content.get(JSON);
        }
    }

    private static final String JSON = "application/json";

    private final String summary;
    private String description;
    private JsonObject body;
    private final Map<Integer, Answer> answers = new LinkedHashMap<>();

    private Operation(String summary) {
        this.summary = summary;
    }

    /** @param summary one line, e.g. "Log in" */
    public static Operation of(String summary) {
        return new Operation(summary);
    }

    /** Longer prose (Markdown) under the summary. */
    public Operation description(String text) {
        this.description = text;
        return this;
    }

    /** The request body: JSON (forms are accepted with the same fields). */
    public Operation body(JsonObject schema) {
        this.body = schema;
        return this;
    }

    /** A JSON answer. */
    public Operation answers(int status, String description, JsonObject schema) {
        answers.put(status, new Answer(description, json(schema), Map.of()));
        return this;
    }

    /** A JSON answer with headers (name to description), e.g. {@code Set-Cookie}. */
    public Operation answers(int status, String description, JsonObject schema, Map<String, String> headers) {
        answers.put(status, new Answer(description, json(schema), headers));
        return this;
    }

    /** An answer that is not JSON (the documentation page); or, for a status already declared, another body. */
    public Operation answersContent(int status, String description, String contentType) {
        Answer known = answers.get(status);
        Map<String, JsonObject> content = new LinkedHashMap<>(known == null ? Map.of() : known.content());
        content.put(contentType, null);
        answers.put(status, new Answer(known == null ? description : known.description(), content,
                known == null ? Map.of() : known.headers()));
        return this;
    }

    /** 204, no body. */
    public Operation answersNoContent(String description) {
        answers.put(204, new Answer(description, Map.of(), Map.of()));
        return this;
    }

    /** 400 with DRF's field errors ({@link Schema#fieldErrors()}), or {@code {"detail": ...}}. */
    public Operation invalid(String description) {
        JsonArray either = new JsonArray();
        either.add(Schema.fieldErrors());
        either.add(Schema.detail());
        JsonObject schema = new JsonObject();
        schema.add("anyOf", either);
        return answers(400, description, schema);
    }

    /** A refusal in DRF's shape, {@code {"detail": "..."}}. */
    public Operation refuses(int status, String description) {
        return answers(status, description, Schema.detail());
    }

    /** 429 {@code {"detail": "Request was throttled. ..."}} with {@code Retry-After}: a rate limit refused it. */
    public Operation throttled() {
        answers.put(429, new Answer("Too many attempts: a rate limit refused this one.", json(Schema.detail()),
                Map.of("Retry-After", "Seconds until the limit lets an attempt through.")));
        return this;
    }

    private static Map<String, JsonObject> json(JsonObject schema) {
        Map<String, JsonObject> content = new LinkedHashMap<>();
        content.put(JSON, schema);
        return content;
    }

    public String summary() {
        return summary;
    }

    /** Longer prose, or null. */
    public String description() {
        return description;
    }

    /** The request body's schema, or null when the operation takes none. */
    public JsonObject body() {
        return body;
    }

    /** Every answer this operation gives itself, by status, in the order declared. */
    public Map<Integer, Answer> answers() {
        return Collections.unmodifiableMap(answers);
    }
}
