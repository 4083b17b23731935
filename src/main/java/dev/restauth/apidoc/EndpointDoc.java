package dev.restauth.apidoc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How an endpoint describes itself in the OpenAPI document: a tag (the group it is listed under) and one
 * {@link Operation} per method it handles. {@code HEAD} and {@code OPTIONS}, which every endpoint answers the same
 * way, are added by the document.
 */
public final class EndpointDoc {
    private final String tag;
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    private EndpointDoc(String tag) {
        this.tag = tag;
    }

    /** @param tag the group, e.g. "auth", "registration", "mfa" */
    public static EndpointDoc of(String tag) {
        return new EndpointDoc(tag);
    }

    public EndpointDoc get(Operation operation) {
        return on("GET", operation);
    }

    public EndpointDoc post(Operation operation) {
        return on("POST", operation);
    }

    public EndpointDoc put(Operation operation) {
        return on("PUT", operation);
    }

    public EndpointDoc patch(Operation operation) {
        return on("PATCH", operation);
    }

    public EndpointDoc delete(Operation operation) {
        return on("DELETE", operation);
    }

    private EndpointDoc on(String method, Operation operation) {
        operations.put(method.toUpperCase(Locale.ROOT), operation);
        return this;
    }

    public String tag() {
        return tag;
    }

    /** The operations by upper-case method, in the order declared. */
    public Map<String, Operation> operations() {
        return Collections.unmodifiableMap(operations);
    }
}
